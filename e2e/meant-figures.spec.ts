import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, outsideTheApp, ready, test } from "./fixtures";

/**
 * Issue 24, items 1, 2, 3 and 8: the page never shows a figure nobody meant, its figures add up, it never prices what
 * AWS does not sell, and a recommendation from another region says so. Done as a person would: typing key by key.
 */

/** A share link in the plain (v0) form the app still opens. */
const link = (scenario: object) => `/#s=${Buffer.from(JSON.stringify({ region: "us-east-1", ...scenario })).toString("base64")}`;

async function open(page: Page, scenario: object) {
  await page.goto(link(scenario));
  await expect(page.getByTestId("ec2-total")).toContainText("$", { timeout: 15_000 });
  await ready(page);
}

const shot = (name: string) => ({ path: `test-results/screenshots/meant-${name}.png` });

// api: 3 tasks x 730 h x (0.04048 + 2 x 0.004445) = 108.1203, plus internet egress at $0.09 per GB (first 10 TB).
const egress = (gib: number) => ({
  version: 2,
  name: "web service",
  workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }],
  services: { dataTransfer: { internetOutGiBPerMonth: gib } },
});

test.describe("a figure nobody meant (issue 24 item 1)", () => {
  test('typing "1,000" over 1024 GiB: the headline never shows the price of "1"; "1,000" is a thousand', async ({ page }) => {
    await open(page, egress(1024));
    // 108.1203 + 1024 x 0.09 = 108.1203 + 92.16 = 200.2803
    await expect(page.getByTestId("fargate-total")).toHaveText("$200.28");
    const field = page.getByTestId("egress-gib");
    await field.click();
    await field.press("ControlOrMeta+a");
    // Key by key: "1" (complete: 108.1203 + 0.09 = 108.2103, shown live), then "1," (not a number yet).
    await field.pressSequentially("1,");
    await expect(page.getByTestId("out-of-date")).toBeVisible();
    // Before: $108.21, the price of the keystroke "1", labelled as the estimate from before the change.
    await expect(page.getByTestId("fargate-total")).toHaveText("$200.28");
    await page.screenshot(shot("typing-thousand"));
    await field.pressSequentially("000");
    // 1,000 read as 1000 GB: 108.1203 + 1000 x 0.09 = 198.1203. Before: "must be a number".
    await expect(page.getByTestId("out-of-date")).toHaveCount(0);
    await expect(page.getByTestId("fargate-total")).toHaveText("$198.12");
    await expect(field).toHaveValue("1,000");
    await expect(page.getByText("must be a number")).toHaveCount(0);

    // A second edit of the same field, after leaving it: "1e309" passes through "1e3" (1000) and "1e30" on its way
    // to a number too large to be one; the headline keeps the 1,000 from before this edit.
    await field.press("Tab");
    await field.click();
    await field.press("ControlOrMeta+a");
    await field.pressSequentially("2e309");
    await expect(page.getByTestId("out-of-date")).toBeVisible();
    await expect(page.getByTestId("fargate-total")).toHaveText("$198.12");
  });

  test("a valid value left in one field is the estimate the next field's edit starts from", async ({ page }) => {
    await open(page, egress(1024));
    const field = page.getByTestId("egress-gib");
    await field.click();
    await field.press("ControlOrMeta+a");
    await field.pressSequentially("10");
    // 108.1203 + 10 x 0.09 = 109.0203
    await expect(page.getByTestId("fargate-total")).toHaveText("$109.02");
    await page.getByTestId("inter-az-gib").click();
    await page.getByTestId("inter-az-gib").press("ControlOrMeta+a");
    await page.getByTestId("inter-az-gib").pressSequentially("x");
    await expect(page.getByTestId("out-of-date")).toBeVisible();
    await expect(page.getByTestId("fargate-total")).toHaveText("$109.02");
  });
});

test.describe("figures that add up (issue 24 item 2)", () => {
  // Three workloads, an ALB, one NAT gateway and an EFS file system; EC2 on a 1-year commitment with 10% Spot.
  const scenario = {
    version: 2,
    name: "adds up",
    ec2: { commitment: "1yr", spotPercent: 10 },
    workloads: [
      { name: "api", vcpu: 1, memoryGiB: 2, tasks: 3, logs: { ingestedGiBPerMonth: 15.7, storedGiB: 0 } },
      { name: "web", vcpu: 0.5, memoryGiB: 1, tasks: 2 },
      { name: "jobs", vcpu: 0.25, memoryGiB: 0.5, tasks: 1, schedule: { type: "duty-cycle", percent: 37 } },
    ],
    services: {
      loadBalancers: [{ name: "web", type: "application", capacityUnits: 1.6, azs: 2 }],
      natGateways: { count: 1, processedGiBPerMonth: 181 },
      fileSystems: [{ name: "fs", storedGiB: 25 }],
    },
  };

  test("the whole bill's compute + beside it add up to each total, and the CSV shows the services at the same cents on both sides", async ({ page }) => {
    await open(page, scenario);
    // Fargate: api 3 x 730 x 0.04937 = 108.1203 + logs 15.7 x 0.50 = 7.85; web 36.0401; jobs 0.37 x 730 x (0.25 x 0.04048
    // + 0.5 x 0.004445) = 3.33370925. Services: ALB 730 x 0.0225 = 16.425, 1.6 x 730 x 0.008 = 9.344, 2 x 730 x 0.005 =
    // 7.3; NAT 730 x 0.045 = 32.85, 181 x 0.045 = 8.145, its IPv4 3.65; EFS 25 x 0.30 = 7.5 -> 85.214.
    // Total 240.55810925 -> $240.56; compute 147.49410925 and beside 7.85 + 85.214 = 93.064 round down to 147.49 +
    // 93.06 = 240.55: the missing cent goes to the larger remainder (0.41 of compute's cent vs 0.40): 147.50 + 93.06.
    await expect(page.getByTestId("fargate-total")).toHaveText("$240.56");
    await expect(page.getByTestId("fargate-split")).toHaveText("$147.50 compute + $93.06 beside it");
    // EC2 (the engine's fleet: 3 c6a.large, 1971 h at the 1-year estimate 0.0565794 = 111.5179974, 219 Spot h x 0.02907 =
    // 6.36633, EBS 90 GB-months x 0.08 = 7.2 -> 125.0843274) + the same logs and services 93.064 = 218.1483274 -> $218.15.
    // The services show $85.22 as on the Fargate side (the workloads' rows there gave them the missing cent), so the
    // instances and the logs share 218.15 - 85.22 = 132.93: 125.08 + 7.85. Before: $125.08 + $93.06 under $218.15.
    await expect(page.getByTestId("ec2-total")).toHaveText("$218.15");
    await expect(page.getByTestId("ec2-split")).toHaveText("$125.08 compute + $93.07 beside it");
    await page.getByTestId("summary").screenshot(shot("adds-up"));

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
    const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const cell = (start: string) =>
      csv
        .split("\r\n")
        .find((l) => l.startsWith(start))
        ?.split(",")[6];
    expect(cell("Subtotal,Services,Services total")).toBe("85.22");
    // Before: 85.21 (the three EC2 parts were rounded together).
    expect(cell("Subtotal,EC2 cluster,Services (the same as on Fargate)")).toBe("85.22");
    expect(cell("Subtotal,EC2 cluster,Instances total")).toBe("125.08");
    expect(cell("Total,,EC2 total")).toBe("218.15");
  });
});

test.describe("no price for what AWS does not sell (issue 24 item 3)", () => {
  const base = { version: 2, name: "startup", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 3 }] };

  test("a public IP on EKS pods is refused on its field; the rest is priced", async ({ page }) => {
    await open(page, { ...base, workloads: [...base.workloads, { name: "pod", platform: "eks", vcpu: 1, memoryGiB: 2, tasks: 2 }], services: {} });
    // api 108.1203 + pod 2 x 730 x (1 x 0.04048 + 3 x 0.004445) = 1460 x 0.053815 = 78.5699 -> 186.6902
    await expect(page.getByTestId("fargate-total")).toHaveText("$186.69");
    await page.getByTestId("public-ip-1").check();
    const services = page.getByTestId("services-workloads");
    // Before: priced, 2 pods x 730 h x $0.005 = $7.30 more.
    await expect(services.getByRole("alert")).toHaveText(/^EKS runs Fargate pods in private subnets only, so a pod cannot have a public IP/);
    await expect(page.getByTestId("left-out")).toContainText("pod");
    await expect(page.getByTestId("fargate-total")).toHaveText("$186.69");
    await page.getByTestId("services-workloads").screenshot(shot("eks-public-ip"));
  });

  test("an ALB in one AZ and NAT data without a NAT gateway are refused on their fields", async ({ page }) => {
    await open(page, { ...base, services: {} });
    const section = page.getByTestId("services-section");
    await section.getByTestId("add-load-balancer").click();
    await section.getByTestId("lb-azs-0").fill("1");
    await expect(section.getByTestId("services-load-balancers").getByRole("alert")).toHaveText(
      /^An Application Load Balancer needs at least 2 Availability Zones/,
    );
    await section.getByTestId("lb-azs-0").fill("2");
    await expect(section.getByTestId("services-load-balancers").getByRole("alert")).toHaveCount(0);
    await section.getByTestId("nat-gib").fill("200");
    // Before: 200 x 0.045 = $9.00 with no gateway to process it.
    await expect(section.getByTestId("services-nat").getByRole("alert")).toHaveText(/^No NAT gateway is there to process this data/);
    await section.getByTestId("nat-count").fill("1");
    await expect(section.getByTestId("services-nat").getByRole("alert")).toHaveCount(0);
    await page.getByTestId("services-nat").screenshot(shot("nat-without-gateway"));
  });

  test("an old link holding them still opens, with each problem on its field and the rest priced", async ({ page }) => {
    await open(page, {
      ...base,
      workloads: [...base.workloads, { name: "pod", platform: "eks", vcpu: 1, memoryGiB: 2, tasks: 2, publicIp: true }],
      services: { loadBalancers: [{ name: "web", type: "application", capacityUnits: 1, azs: 1 }], natGateways: { count: 0, processedGiBPerMonth: 200 } },
    });
    await expect(page.getByTestId("workload-1").getByLabel("Name")).toHaveValue("pod");
    await expect(page.getByTestId("services-workloads").getByRole("alert")).toContainText("EKS runs Fargate pods in private subnets only");
    await expect(page.getByTestId("services-load-balancers").getByRole("alert")).toContainText("at least 2 Availability Zones");
    await expect(page.getByTestId("services-nat").getByRole("alert")).toContainText("No NAT gateway");
    // Priced: api alone (108.1203), the services wait for their fields to be fixed.
    await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
  });

  test("public tasks under awsvpc: the EC2 side prices a NAT gateway, not instance addresses, and says why", async ({ page }) => {
    await open(page, { ...base, workloads: [{ ...base.workloads[0], publicIp: true }] });
    const ec2 = page.getByTestId("ec2-results");
    // 730 h x 0.045 = 32.85 and the gateway's address 730 h x 0.005 = 3.65. Before: one IPv4 per instance-hour.
    await expect(ec2).toContainText("NAT gateway (for the public tasks)");
    await expect(ec2).not.toContainText("one per instance");
    await expect(ec2).toContainText("Tasks on EC2 with awsvpc networking cannot have public IPs");
  });
});

test.describe("right-sizing across regions (issue 24 item 8)", () => {
  const exportCsv = path.join(__dirname, "..", "lib", "rightsizing", "__fixtures__", "ecs-export.csv");

  async function inFrankfurt(page: Page) {
    await outsideTheApp(page);
    await page.evaluate(() => window.localStorage.clear());
    await page.goto("/");
    await ready(page);
    await page.getByTestId("region").fill("eu-central-1");
    await page.getByRole("option", { name: /eu-central-1/ }).click();
    // api in Frankfurt: 3 x 730 x (0.04656 + 2 x 0.00511) = 2190 x 0.05678 = 124.3482
    await expect(page.getByTestId("fargate-total")).toHaveText("$124.35");
    await page.getByTestId("rightsizing").locator("summary").click();
    await page.getByTestId("co-export-file").setInputFiles(exportCsv);
    const orders = page.getByTestId("rightsizing-table").getByRole("row", { name: /orders-api/ });
    // Before: only "Add to scenario", and it went in without a word.
    await expect(orders.getByTestId("region-choice-0")).toContainText("orders-api runs in us-east-1; this scenario is priced in eu-central-1. Price it in:");
    return orders;
  }

  test("a us-east-1 service in a Frankfurt scenario: warned, and added at the scenario's prices", async ({ page }) => {
    const orders = await inFrankfurt(page);
    await page.getByTestId("rightsizing").screenshot(shot("rightsizing-region"));
    await orders.getByRole("button", { name: "Add in eu-central-1 (the scenario's region)" }).click();
    await expect(page.getByTestId("workload-1").getByLabel("Name")).toHaveValue("orders-api (right-sized)");
    // + 3 x 730 x (0.5 x 0.04656 + 2 x 0.00511) = 2190 x 0.0335 = 73.365 -> 124.3482 + 73.365 = 197.7132
    await expect(page.getByTestId("fargate-total")).toHaveText("$197.71");
    await expect(page.getByTestId("region")).toHaveValue(/eu-central-1/);
  });

  test("or in its own region: the scenario moves to us-east-1", async ({ page }) => {
    const orders = await inFrankfurt(page);
    await orders.getByRole("button", { name: "Add in us-east-1 (switches the scenario)" }).click();
    await expect(page.getByTestId("region")).toHaveValue(/us-east-1/);
    // 108.1203 + 3 x 21.2649 = 171.915
    await expect(page.getByTestId("fargate-total")).toHaveText("$171.92");
  });
});
