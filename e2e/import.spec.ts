import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, openFresh, ready, test } from "./fixtures";

const fixtures = path.join(__dirname, "..", "lib", "scenario", "__fixtures__");

test.describe("import", () => {
  test.beforeEach(async ({ page }) => {
    await openFresh(page);
    await page.getByText("Import a task definition or Kubernetes YAML").click();
  });

  test("uploads an ECS task definition", async ({ page }) => {
    await page.getByTestId("import-file").setInputFiles(path.join(fixtures, "ecs-describe-task-definition.json"));
    await expect(page.getByTestId("import-result")).toContainText("Added checkout-api");
    // checkout-api: 1 vCPU / 3 GiB, 50 GiB storage: 730 x (0.04048 + 3 x 0.004445) + 30 x 730 x 0.000111
    //   = 39.28495 + 2.4309 = 41.71585; plus the default 108.1203 = 149.83615
    await expect(page.getByTestId("fargate-total")).toHaveText("$149.84");
    await expect(page.getByTestId("workload-1").getByLabel("Ephemeral storage (GiB)")).toHaveValue("50");
  });

  test("pastes a pod YAML with limits only (EKS rules)", async ({ page }) => {
    const fs = await import("node:fs/promises");
    await page.getByTestId("import-text").fill(await fs.readFile(path.join(fixtures, "k8s-pod-limits-only.yaml"), "utf8"));
    await page.getByRole("button", { name: "Add from pasted text" }).click();
    // requests default to limits: cpu 500m + 250m = 0.75 vCPU; memory 2.5e9 + 128974848 bytes = 2.4484 GiB;
    // + 256 MiB = 2.698 GiB -> billed 1 vCPU / 3 GiB: 730 x (0.04048 + 3 x 0.004445) = 39.28495; + 108.1203 = 147.40525
    await expect(page.getByTestId("fargate-total")).toHaveText("$147.41");
    await expect(page.getByTestId("items-1")).toContainText("billed size; requested 0.75 vCPU");
  });

  test("a bad file gets a clear error and changes nothing", async ({ page }) => {
    await page.getByTestId("import-text").fill('{"family": "x", "containerDefinitions": "nope"');
    await page.getByRole("button", { name: "Add from pasted text" }).click();
    await expect(page.getByTestId("import-result")).toContainText("Nothing was added.");
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await expect(page.getByTestId("workload-1")).toHaveCount(0);
    await expect(page.getByTestId("fargate-total")).toHaveText("$108.12");
    await ready(page);
    await expect(page.getByTestId("import-text")).toHaveValue('{"family": "x", "containerDefinitions": "nope"');
  });
});
