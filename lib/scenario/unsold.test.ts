import { describe, expect, it } from "vitest";
import { extrasCatalog } from "@/lib/catalog/extras";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { evaluateDraft, type Draft } from "./draft";
import { parseScenario } from "./parse";
import { decodeScenario, encodeScenario } from "./url";

/** Issue 24 item 3: what AWS does not sell is refused on its field, and scenarios made before still open. */
const api = { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 };
const pod = { name: "pod", platform: "eks" as const, vcpu: 1, memoryGiB: 2, tasks: 2, publicIp: true };
const cases = [
  {
    what: "a public IP on EKS pods",
    input: { version: 2, name: "s", region: "us-east-1", workloads: [api, pod] },
    path: "workloads.1.publicIp",
    message: /^EKS runs Fargate pods in private subnets only, so a pod cannot have a public IP/,
  },
  {
    what: "an ALB in 1 AZ",
    input: { version: 2, name: "s", region: "us-east-1", workloads: [api], services: { loadBalancers: [{ name: "web", type: "application", azs: 1 }] } },
    path: "services.loadBalancers.0.azs",
    message: /^An Application Load Balancer needs at least 2 Availability Zones/,
  },
  {
    what: "NAT data with no NAT gateway",
    input: { version: 2, name: "s", region: "us-east-1", workloads: [api], services: { natGateways: { count: 0, processedGiBPerMonth: 200 } } },
    path: "services.natGateways.processedGiBPerMonth",
    message: /^No NAT gateway is there to process this data/,
  },
] as const;

describe("what AWS does not sell", () => {
  it.each(cases)("$what: the CLI and the API (with the extras prices) refuse it on its field", ({ input, path, message }) => {
    const r = parseScenario(input, fargateCatalog, extrasCatalog);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it.each(cases)("$what: a share link made before still opens, and the editor shows the problem on its field", ({ input, path, message }) => {
    const opened = parseScenario(input, fargateCatalog);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const link = decodeScenario(encodeScenario(opened.value), fargateCatalog);
    expect(link.ok).toBe(true);
    const e = evaluateDraft(opened.value as Draft, fargateCatalog, extrasCatalog);
    const m = /^workloads\.(\d+)\.(.+)$/.exec(path);
    if (m) {
      expect(e.workloadProblems[Number(m[1])]?.[m[2]!]).toMatch(message);
      expect(e.excluded).toEqual([Number(m[1])]);
      // The rest is priced: api alone, no public IP anywhere.
      expect(e.priced?.workloads.map((w) => w.name)).toEqual(["api"]);
    } else {
      expect(e.scenarioProblems).toEqual([{ path, message: expect.stringMatching(message) }]);
      expect(e.priced?.services).toBeUndefined();
      expect(e.priced?.workloads.map((w) => w.name)).toEqual(["api"]);
    }
  });

  it("what AWS does sell is not refused: an NLB in 1 AZ, a public IP on ECS tasks, a NAT gateway with its data", () => {
    const r = parseScenario(
      {
        version: 2,
        name: "s",
        region: "us-east-1",
        workloads: [
          { ...api, publicIp: true },
          { ...pod, publicIp: false },
        ],
        services: { loadBalancers: [{ name: "tcp", type: "network", azs: 1 }], natGateways: { count: 1, processedGiBPerMonth: 200 } },
      },
      fargateCatalog,
      extrasCatalog,
    );
    expect(r.ok).toBe(true);
  });
});
