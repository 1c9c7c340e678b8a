import { expect, ready, test } from "./fixtures";

/**
 * Issue 23: ECS Managed Instances as a third column beside Fargate and self-managed EC2, on desktop and on a phone;
 * a setting chooses which columns show; the fee table is among the price sources.
 */
const link = (scenario: object) => `/#s=${Buffer.from(JSON.stringify({ version: 1, region: "us-east-1", ...scenario })).toString("base64")}`;

// One 2 vCPU / 8 GiB task on an m5.large with no reservations (lib/pricing/managed-instances.test.ts):
// Fargate 730 x (2 x 0.04048 + 8 x 0.004445) = 85.0596; Managed Instances 70.08 + 8.4096 fee + 2.40 EBS = 80.8896;
// EC2 self-managed 70.08 + 2.40 = 72.48.
const scenario = {
  name: "one service",
  workloads: [{ name: "api", vcpu: 2, memoryGiB: 8, tasks: 1 }],
  ec2: { instanceTypes: ["m5.large"], headroomPercent: 0, unregisteredMemoryPercent: 0, reservedMemoryMiB: 0 },
};

for (const size of [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`three columns: Fargate, ECS Managed Instances, EC2 self-managed (${size.name})`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto(link(scenario));
    await expect(page.getByTestId("mi-total")).toHaveText("$80.89", { timeout: 15_000 });
    await ready(page);
    await expect(page.getByTestId("fargate-total")).toHaveText("$85.06");
    await expect(page.getByTestId("ec2-total")).toHaveText("$72.48");
    // Every figure is inside the viewport's width (four figures in two rows on a phone).
    for (const id of ["fargate-total", "mi-total", "ec2-total", "difference"]) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    }
    await page.getByTestId("three-way").locator("summary").click();
    await expect(page.getByTestId("three-way")).toContainText("a management fee of $8.41 a month for AWS patching and replacing the instances");
    await expect(page.getByTestId("break-evens")).toContainText("ECS Managed Instances is cheaper when the tasks run 95.1% of the month or more");
    await expect(page.getByTestId("mi-results")).toContainText("ECS Managed Instances fee (m5.large)");
    await expect(page.getByTestId("mi-results")).toContainText("inferred, not published");
    await expect(page.getByTestId("catalog-info")).toContainText("ECS Managed Instances management fee");
    // The duty-cycle chart has a third (dashed) line: its legend and its table name it.
    await expect(page.getByTestId("chart-duty-cycle")).toContainText("ECS Managed Instances");
    await page.getByTestId("summary").screenshot({ path: `test-results/screenshots/managed-instances-summary-${size.width}.png` });
    await page.screenshot({ path: `test-results/screenshots/managed-instances-${size.width}.png`, fullPage: true });

    // The setting: hide EC2 self-managed; the difference then compares Managed Instances with Fargate (85.0596 - 80.8896 = 4.17).
    await page.getByTestId("columns").getByLabel("EC2 self-managed").uncheck();
    await expect(page.getByTestId("ec2-total")).toHaveCount(0);
    await expect(page.getByTestId("difference")).toHaveText("$4.17");
    await expect(page.getByTestId("cheaper")).toContainText("Managed Instances is cheaper");
    await page.getByTestId("columns").getByLabel("ECS Managed Instances").uncheck();
    await expect(page.getByTestId("mi-total")).toHaveCount(0);
    await expect(page.getByTestId("difference")).toHaveCount(0);
    await expect(page.getByTestId("fargate-total")).toHaveText("$85.06");
  });
}
