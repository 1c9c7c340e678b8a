import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { dec } from "@/lib/core";
import { env } from "@/lib/env";
import { ACCOUNT, ATTRIBUTION_ROWS, cur2Csv, TASK_1 } from "./attribution-bill";
import { Attribution, clusterKeyOf, linkTagsOf, onEc2UsageType } from "./attribution";
import { reconcileFile } from "./node";
import { fixture, reconcileCsvText } from "./test-helpers";
import type { Reconciliation } from "./types";
import { billToCsv, billToTable, billView } from "./view";

const lines = (r: Reconciliation) => r.beside!.linked.map((l) => [l.cluster, l.service, l.by, l.product, l.usageType, l.region, l.quantity, l.cost]);
const wide = (r: Reconciliation) => r.beside!.accountWide.map((w) => [w.region, w.total, w.lines.map((l) => [l.product, l.usageType, l.cost])]);

/** linked + account-wide + on EC2 = everything beside the meter (the old outsideFargate total). */
function expectSplitAddsUp(r: Reconciliation) {
  const b = r.beside!;
  expect(dec(b.linkedTotal).plus(b.accountWideTotal).plus(b.onEc2.total).toString()).toBe(r.totals.outsideFargate);
  const perRegion = b.accountWide.reduce((t, w) => t.plus(w.total), dec(0));
  expect(perRegion.toString()).toBe(dec(b.accountWideTotal).toString());
}

describe("attribution: what is beside Fargate, linked or account-wide", () => {
  it("an account with unrelated NAT/EFS in other regions, a NAT and load balancers tagged to the cluster, IPv4 and egress by task ARN", async () => {
    const r = await reconcileCsvText(cur2Csv(ATTRIBUTION_ROWS), "attrib.csv");
    // Fargate: 0.08096 + 0.01778 + 0.04048 + 0.00889 = 0.14811, one group shop/api.
    expect(r.totals.effectiveCost).toBe("0.14811");
    expect(r.groups.map((g) => `${g.cluster}/${g.service}`)).toEqual(["shop/api"]);
    expect(lines(r)).toEqual([
      // The NAT gateway tagged aws:ecs:clusterName = shop, the Fargate cluster of us-east-1.
      ["shop", null, "tags", "AmazonEC2", "NatGateway-Hours", "us-east-1", "10", "0.45"],
      // The data-transfer row carries task 2's ARN, the IPv4 row task 1's: both are tasks of the Fargate cluster shop.
      ["shop", null, "resource id", "AmazonECS", "DataTransfer-Out-Bytes", "us-east-1", "1", "0.09"],
      ["shop", null, "resource id", "AmazonVPC", "PublicIPv4:InUseAddress", "us-east-1", "2", "0.01"],
      // Tagged cluster shop and service api, which ran on Fargate in us-east-1.
      ["shop", "api", "tags", "AWSELB", "LoadBalancerUsage", "us-east-1", "1", "0.0225"],
    ]);
    // 0.09 + 0.45 + 0.01 + 0.0225 = 0.5725
    expect(r.beside!.linkedTotal).toBe("0.5725");
    expect(wide(r)).toEqual([
      // ap-northeast-1 NAT 5 h x 0.062 = 0.31; nothing runs on Fargate there.
      ["ap-northeast-1", "0.31", [["AmazonEC2", "NatGateway-Hours", "0.31"]]],
      ["ap-southeast-1", "3.3", [["AmazonEFS", "TimedStorage-ByteHrs", "3.3"]]],
      // A NAT tagged "shop" in eu-west-1: the Fargate cluster shop is in us-east-1, so the tag does not link it.
      ["eu-west-1", "0.048", [["AmazonEC2", "NatGateway-Hours", "0.048"]]],
      // us-east-1: inter-AZ of instances 1 + the untagged NAT 0.45 + the IPv4 of an eni 0.015 + the ALB of service
      // legacy-ec2 (cluster shop, but not a Fargate service) 0.0225 = 1.4875.
      [
        "us-east-1",
        "1.4875",
        [
          ["AmazonEC2", "DataTransfer-Regional-Bytes", "1"],
          ["AmazonEC2", "NatGateway-Hours", "0.45"],
          ["AmazonVPC", "PublicIPv4:InUseAddress", "0.015"],
          ["AWSELB", "LoadBalancerUsage", "0.0225"],
        ],
      ],
    ]);
    // 0.31 + 3.3 + 0.048 + 1.4875 = 5.1455
    expect(r.beside!.accountWideTotal).toBe("5.1455");
    // ECS/EKS-on-EC2 split rows: their own line, $0, never linked to Fargate.
    expect(r.beside!.onEc2.lines.map((l) => [l.product, l.usageType, l.quantity, l.cost])).toEqual([
      ["AmazonECS", "ECS-EC2-GB-Hours", "8", "0"],
      ["AmazonECS", "ECS-EC2-vCPU-Hours", "4", "0"],
      ["AmazonEKS", "EKS-EC2-vCPU-Hours", "2", "0"],
    ]);
    expect(r.beside!.onEc2.total).toBe("0");
    // The old field still lists every row beside the meter: 0.5725 + 5.1455 + 0 = 5.718.
    expect(r.totals.outsideFargate).toBe("5.718");
    expectSplitAddsUp(r);
  });

  it("links whatever the row order: the same bill with the Fargate rows first gives the same split", async () => {
    const first = await reconcileCsvText(cur2Csv(ATTRIBUTION_ROWS));
    const reordered = await reconcileCsvText(cur2Csv([...ATTRIBUTION_ROWS].reverse()));
    expect(reordered.beside).toEqual(first.beside);
  });

  it("without Fargate in the bill, nothing is linked: every row is account-wide", async () => {
    const r = await reconcileCsvText(cur2Csv(ATTRIBUTION_ROWS.filter((x) => !/Fargate/.test(x.usageType))));
    expect(r.beside!.linked).toEqual([]);
    // 0.5725 + 5.1455 = 5.718, all account-wide.
    expect(r.beside!.accountWideTotal).toBe("5.718");
    expectSplitAddsUp(r);
  });

  it("the same cluster name in another account is not linked by the task ARN", async () => {
    const other = TASK_1.replace(ACCOUNT, "999988887777");
    const rows = ATTRIBUTION_ROWS.map((x) => (x.usageType === "USE1-PublicIPv4:InUseAddress" && x.resourceId === TASK_1 ? { ...x, resourceId: other } : x));
    const r = await reconcileCsvText(cur2Csv(rows));
    // The IPv4 row (0.01) moves from linked to us-east-1 account-wide: 0.5725 - 0.01 = 0.5625; 5.1455 + 0.01 = 5.1555.
    expect(r.beside!.linkedTotal).toBe("0.5625");
    expect(r.beside!.accountWideTotal).toBe("5.1555");
  });

  it("legacy CUR: cluster and service tag columns link a NAT gateway and a load balancer", async () => {
    const header = [
      "lineItem/LineItemType",
      "lineItem/ProductCode",
      "lineItem/UsageType",
      "lineItem/ResourceId",
      "lineItem/UsageAmount",
      "lineItem/UnblendedCost",
      "pricing/publicOnDemandCost",
      "product/regionCode",
      "resourceTags/aws:ecs:clusterName",
      "resourceTags/aws:ecs:serviceName",
    ];
    const rows = [
      ["Usage", "AmazonEC2", "USE1-NatGateway-Hours", "nat-1", "2", "0.09", "0.09", "us-east-1", "shop", ""],
      ["Usage", "AWSELB", "USE1-LoadBalancerUsage", "lb-1", "1", "0.0225", "0.0225", "us-east-1", "shop", "api"],
      ["Usage", "AWSELB", "USE1-LoadBalancerUsage", "lb-2", "1", "0.0225", "0.0225", "us-east-1", "", "batch"],
      ["Usage", "AmazonECS", "USE1-Fargate-vCPU-Hours:perCPU", TASK_1, "1", "0.04048", "0.04048", "us-east-1", "shop", "api"],
    ];
    const r = await reconcileCsvText(Papa.unparse([header, ...rows], { newline: "\n" }));
    expect(lines(r)).toEqual([
      ["shop", null, "tags", "AmazonEC2", "NatGateway-Hours", "us-east-1", "2", "0.09"],
      ["shop", "api", "tags", "AWSELB", "LoadBalancerUsage", "us-east-1", "1", "0.0225"],
    ]);
    // The load balancer of service "batch" (no Fargate rows): account-wide.
    expect(wide(r)).toEqual([["us-east-1", "0.0225", [["AWSELB", "LoadBalancerUsage", "0.0225"]]]]);
  });

  it("the CUR 2.0 fixture: the EKS cluster whose Fargate pods ran is linked; NAT, IPv4, ALB and logs are account-wide", async () => {
    const r = await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "cur2.csv");
    expect(lines(r)).toEqual([["prod-eks", null, "resource id", "AmazonEKS", "AmazonEKS-Hours:perCluster", "us-east-1", "1", "0.1"]]);
    // 0.05 + 0.045 + 0.01 + 0.0225 = 0.1275 (none of them carries a tag or a task ARN).
    expect(r.beside!.accountWideTotal).toBe("0.1275");
    expectSplitAddsUp(r);
  });

  it("the same fixture as CUR 2.0 .csv.gz and Parquet and as legacy CUR gives the same split", async () => {
    const csv = (await reconcileFile(fixture("cur2-fargate.csv"), fargateCatalog, "x")).beside;
    for (const f of ["cur2-fargate.csv.gz", "cur2-fargate.parquet", "cur-legacy-fargate.csv"]) {
      expect((await reconcileFile(fixture(f), fargateCatalog, f)).beside, f).toEqual(csv);
    }
  });

  it("the real FOCUS sample: the data transfer of tasks of the 3 Fargate clusters is linked; the 4th cluster's row and the context rows are not", async () => {
    const r = await reconcileFile(fixture("focus-1.0-sample-fargate.csv"), fargateCatalog, "focus.csv");
    const clusters = [...new Set(r.beside!.linked.map((l) => l.cluster))].sort();
    expect(clusters).toEqual(["faferlSfimmAnsifme-prol1", "faferlSfimmEmi-prol1", "faferlSfimmTerraborc-prol1"]);
    expect(r.beside!.linked.every((l) => l.by === "resource id" && l.product === "Amazon Elastic Container Service")).toBe(true);
    // All 28 task data-transfer rows sum to 0.0000364313 (README-extras); the CoMPAS cluster's eu-west-1 row (0.0000000067)
    // has no Fargate compute rows: 0.0000364313 - 0.0000000067 = 0.0000364246.
    expect(r.beside!.linkedTotal).toBe("0.0000364246");
    // NAT in ap-northeast-1 and EFS in ap-southeast-1 are account-wide, in their own regions.
    const regions = r.beside!.accountWide.map((w) => w.region);
    expect(regions).toEqual(expect.arrayContaining(["ap-northeast-1", "ap-southeast-1", "eu-west-1"]));
    expect(r.beside!.accountWide.find((w) => w.region === "ap-northeast-1")!.total).toBe("0.062");
    expectSplitAddsUp(r);
  });
});

describe("attribution bounds", () => {
  it("6,000 distinct charges beside the meter: 5,000 kept, the rest one account-wide (other) line, the totals exact", async () => {
    // 6,000 NAT gateways, each tagged with its own cluster name (so each is its own link key), 0.045 each.
    const rows = Array.from({ length: 6000 }, (_, i) => ({
      product: "AmazonEC2",
      usageType: `USE1-NatGateway-Hours`,
      quantity: "1",
      cost: "0.045",
      region: "us-east-1",
      tags: { aws_ecs_clusterName: `c${i}` },
    }));
    const r = await reconcileCsvText(cur2Csv(rows), "many.csv", 1 << 16);
    // None of the clusters ran Fargate: all account-wide, 6,000 x 0.045 = 270; the NatGateway line holds the first
    // 5,000 keys' rows (225) and "(other)" the last 1,000 (45).
    expect(r.beside!.accountWideTotal).toBe("270");
    const lines = r.beside!.accountWide.flatMap((w) => w.lines.map((l) => [w.region, l.product, l.cost]));
    expect(lines).toEqual([
      ["(other)", "(other)", "45"],
      ["us-east-1", "AmazonEC2", "225"],
    ]);
    expect(r.notes.some((n) => /more than 5,000 distinct charges and links/.test(n))).toBe(true);
    expectSplitAddsUp(r);
  });
});

describe("attribution in the view, the CLI table and the CSV", () => {
  it("cents that add up; the sections say linked, account-wide per region, ECS/EKS on EC2", async () => {
    const v = billView(await reconcileCsvText(cur2Csv(ATTRIBUTION_ROWS), "attrib.csv"));
    expect(v.beside.linked.map((l) => [l.cluster, l.service, l.cost])).toEqual([
      ["shop", null, "0.45"],
      ["shop", null, "0.09"],
      ["shop", null, "0.01"],
      // 0.0225 rounds half-up to 0.02; the linked rows are cents that sum to the rounded total 0.5725 -> 0.57.
      ["shop", "api", "0.02"],
    ]);
    expect(v.beside.linkedTotal).toBe("0.57");
    // 5.1455 -> 5.15 over all account-wide rows: us-east-1 1 + 0.45 + 0.02 (0.015) + 0.02 (0.0225) = 1.49 and
    // 0.31 + 3.30 + 0.05 (0.048) = 3.66 elsewhere: 1.49 + 3.66 = 5.15.
    expect(v.beside.accountWide.map((w) => [w.region, w.total])).toEqual([
      ["ap-northeast-1", "0.31"],
      ["ap-southeast-1", "3.30"],
      ["eu-west-1", "0.05"],
      ["us-east-1", "1.49"],
    ]);
    expect(v.beside.accountWideTotal).toBe("5.15");
    const table = billToTable(v);
    expect(table).toContain("Beside Fargate, linked to the Fargate services found (task ARN or cluster/service tags)");
    expect(table).toContain("Account-wide, not attributed to Fargate (per region)");
    expect(table).toContain("ECS/EKS on EC2 (split cost allocation rows; not Fargate)");
    expect(table).not.toMatch(/what Fargate services cause|Outside the Fargate meter/);
    const csv = billToCsv(v);
    expect(csv).toContain("Linked to Fargate total,,,,,,,,0.57,,\r\n");
    expect(csv).toContain("Account-wide (not attributed) region total,us-east-1,,,,,,,1.49,,\r\n");
    expect(csv).toContain("Account-wide (not attributed) total,,,,,,,,5.15,,\r\n");
    expect(csv).toContain("ECS/EKS on EC2,us-east-1,,AmazonECS,ECS-EC2-vCPU-Hours,4,hours,,0.00,,\r\n");
  });
});

describe("a reconciliation made before the split (no beside field)", () => {
  it("shows every row beside the meter as account-wide, never as Fargate's", async () => {
    const r = await reconcileCsvText(cur2Csv(ATTRIBUTION_ROWS));
    delete r.beside;
    const v = billView(r);
    expect(v.beside.linked).toEqual([]);
    // All of outsideFargate, 5.718 -> 5.72, per region: ap-northeast-1 0.31, ap-southeast-1 3.30, eu-west-1 0.05 and
    // us-east-1 2.06 (1.4875 + 0.5725 = 2.06 exactly; its rounded rows are cents that add up to it).
    expect(v.beside.accountWide.map((w) => [w.region, w.total])).toEqual([
      ["ap-northeast-1", "0.31"],
      ["ap-southeast-1", "3.30"],
      ["eu-west-1", "0.05"],
      ["us-east-1", "2.06"],
    ]);
    expect(v.beside.accountWideTotal).toBe("5.72");
  });
});

describe("attribution helpers", () => {
  it("cluster keys from task, pod and EKS cluster ARNs", () => {
    expect(clusterKeyOf("arn:aws:ecs:us-east-1:1:task/shop/abc")).toBe("arn:aws:ecs:us-east-1:1:task/shop");
    expect(clusterKeyOf("arn:aws:eks:us-east-1:1:pod/prod/default/web/uid")).toBe("arn:aws:eks:us-east-1:1:pod/prod");
    expect(clusterKeyOf("arn:aws:eks:us-east-1:1:cluster/prod")).toBe("arn:aws:eks:us-east-1:1:pod/prod");
    expect(clusterKeyOf("arn:aws:ecs:us-east-1:1:task/abc")).toBeNull();
    expect(clusterKeyOf("i-0123")).toBeNull();
    expect(clusterKeyOf("")).toBeNull();
    expect(clusterKeyOf("arn:aws:eks:us-east-1:1:cluster/")).toBeNull();
    expect(clusterKeyOf("arn:aws:ecs:us-east-1:1:task//abc")).toBeNull();
    expect(clusterKeyOf("arn:aws:ecs:us-east-1:1:my task/shop/abc")).toBeNull();
    expect(clusterKeyOf("arn:aws:ecs:us-east-1:1:task/sh:op/abc")).toBe("arn:aws:ecs:us-east-1:1:task/sh:op");
  });

  // The key as first written (split and join); clusterKeyOf now finds the same positions with indexOf.
  function clusterKeyBySplit(resourceId: string): string | null {
    if (!resourceId.startsWith("arn:")) return null;
    const parts = resourceId.split(":");
    if (parts.length < 6) return null;
    const head = parts.slice(0, 5).join(":");
    const segments = parts.slice(5).join(":").split("/");
    if (parts[2] === "eks" && segments[0] === "cluster" && segments.length === 2 && segments[1]) return `${head}:pod/${segments[1]}`;
    if (segments.length >= 3 && segments[0] && segments[1] && !segments[0].includes(" ")) return `${head}:${segments[0]}/${segments[1]}`;
    return null;
  }

  it("cluster keys: the same as a split of the ARN on random ARN-like texts", () => {
    const piece = fc.constantFrom("arn", "aws", "ecs", "eks", "task", "pod", "cluster", "shop", "", " ", "a b", "x");
    const sep = fc.constantFrom(":", "/", "", " ");
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, sep), { maxLength: 12 }), fc.boolean(), (pieces, arn) => {
        const id = (arn ? "arn:" : "") + pieces.map(([p, s]) => p + s).join("");
        expect(clusterKeyOf(id)).toBe(clusterKeyBySplit(id));
      }),
      { numRuns: env.fcRuns ?? 2_000 },
    );
  });

  it("a group's names once and its resources on every row: the same links as fargate() on every row", () => {
    const rows: [string, "ecs" | "eks", string, string, string][] = [
      ["us-east-1", "ecs", "shop", "api", "arn:aws:ecs:us-east-1:1:task/shop/a"],
      ["us-east-1", "ecs", "shop", "api", "arn:aws:ecs:us-east-1:1:task/shop/b"],
      ["us-east-1", "eks", "shop", "api", "arn:aws:ecs:us-east-1:1:task/shop/c"],
      ["us-east-1", "ecs", "shop", "web", "arn:aws:ecs:us-east-1:1:task/shop/d"],
      ["us-east-1", "ecs", "(unknown)", "api", ""],
      ["eu-west-1", "eks", "prod", "(untagged)", "arn:aws:eks:eu-west-1:1:pod/prod/x/y"],
      ["eu-west-1", "eks", "prod", "(untagged)", "arn:aws:eks:eu-west-1:1:cluster/prod"],
    ];
    const beside = (a: Attribution) => {
      a.beside({
        product: "AmazonVPC",
        usageType: "PublicIPv4:InUseAddress",
        rawUsageType: "USE1-PublicIPv4:InUseAddress",
        region: "us-east-1",
        unit: "Hrs",
        quantity: dec(1),
        cost: dec("0.005"),
        resourceId: "arn:aws:ecs:us-east-1:1:task/shop/zz",
        tagCluster: "",
        tagService: "",
      });
      a.beside({
        product: "AmazonEC2",
        usageType: "NatGateway-Hours",
        rawUsageType: "EUW1-NatGateway-Hours",
        region: "eu-west-1",
        unit: "Hrs",
        quantity: dec(1),
        cost: dec("0.048"),
        resourceId: "nat-1",
        tagCluster: "prod",
        tagService: "",
      });
      a.beside({
        product: "AWSELB",
        usageType: "LoadBalancerUsage",
        rawUsageType: "USE1-LoadBalancerUsage",
        region: "us-east-1",
        unit: "Hrs",
        quantity: dec(1),
        cost: dec("0.0225"),
        resourceId: "lb",
        tagCluster: "",
        tagService: "web",
      });
      return a.finish(() => {});
    };
    const each = new Attribution();
    for (const r of rows) each.fargate(...r);
    const split = new Attribution();
    const named = new Set<string>();
    for (const [region, platform, cluster, service, id] of rows) {
      split.fargateResource(platform, cluster, id);
      const group = [region, platform, cluster, service].join("|");
      if (!named.has(group)) split.fargateGroup(region, platform, cluster, service);
      named.add(group);
    }
    const expected = beside(each);
    // The task's public IPv4 links by its ARN to "shop" on ECS (the smaller platform), the NAT gateway by its tag to
    // "prod", the load balancer by its service tag to "web" in the cluster "shop".
    expect(expected.linked.map((l) => [l.platform, l.cluster, l.service, l.by])).toEqual([
      ["eks", "prod", null, "tags"],
      ["ecs", "shop", null, "resource id"],
      ["ecs", "shop", "web", "tags"],
    ]);
    expect(beside(split)).toEqual(expected);
  });
  it("cluster and service tags in CUR 2.0, FOCUS and Parquet map shapes", () => {
    expect(linkTagsOf('{"aws_ecs_clusterName":"shop","aws_ecs_serviceName":"api","user_team":"web"}')).toEqual({ cluster: "shop", service: "api" });
    expect(linkTagsOf('{"aws:ecs:clusterName":"shop"}')).toEqual({ cluster: "shop" });
    expect(linkTagsOf('{"aws:eks:cluster-name":"prod"}')).toEqual({ cluster: "prod" });
    expect(linkTagsOf(new Map([["aws_ecs_serviceName", "api"]]))).toEqual({ service: "api" });
    expect(linkTagsOf('{"user_team":"web"}')).toEqual({});
    expect(linkTagsOf("not json, cluster")).toEqual({});
  });
  it("ECS/EKS-on-EC2 usage types, with or without a region prefix", () => {
    expect(onEc2UsageType("USE1-ECS-EC2-vCPU-Hours")).toBe("ECS-EC2-vCPU-Hours");
    expect(onEc2UsageType("EKS-EC2-GB-Hours")).toBe("EKS-EC2-GB-Hours");
    expect(onEc2UsageType("USE1-Fargate-GB-Hours")).toBeNull();
    expect(onEc2UsageType("USE1-NatGateway-Hours")).toBeNull();
  });
});
