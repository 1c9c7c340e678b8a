import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { POST } = await import("./route");

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request("http://localhost/api/estimate", { method: "POST", body, headers }));

describe("POST /api/estimate", () => {
  it("prices a scenario with the same engine as the CLI", async () => {
    const res = await post(JSON.stringify({ region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }] }));
    expect(res.status).toBe(200);
    const est = await res.json();
    // 730 x (0.04048 + 2 x 0.004445) = 36.0401
    expect(est.totals.monthlyCost).toBe("36.0401");
    expect(est.ec2.available).toBe(true);
  });

  it("carries ECS Managed Instances beside EC2, with the fee per instance-hour and its SKU", async () => {
    const scenario = { region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }], ec2: { instanceTypes: ["m5.large"], headroomPercent: 0 } };
    const res = await post(JSON.stringify(scenario), { "content-type": "application/json", "x-forwarded-for": "10.23.0.1" });
    expect(res.status).toBe(200);
    const est = await res.json();
    // 730 x 0.096 = 70.08 + fee 730 x 0.01152 = 8.4096 + EBS 30 x 0.08 = 2.40 -> 80.8896; EC2 alone 72.48.
    expect(est.managedInstances.monthlyCost).toBe("80.8896");
    expect(est.managedInstances.feeMonthlyCost).toBe("8.4096");
    expect(est.managedInstances.instances[0]).toMatchObject({ type: "m5.large", feeHourlyPrice: "0.01152", feeSku: "MVN3MAA8X9QENPCC" });
    expect(est.ec2.monthlyCost).toBe("72.48");
  });

  it("answers 400 with every problem", async () => {
    const res = await post(JSON.stringify({ region: "us-east-1", workloads: [{ name: "api", vcpu: 1, memoryGiB: 10, tasks: -1 }] }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("INVALID_SCENARIO");
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["workloads.0.memoryGiB", "workloads.0.tasks"]);
    expect(JSON.stringify(body)).not.toMatch(/\s+at\s.+:\d+:\d+/);
  });

  it("refuses bad JSON, other media types and bodies over 1 MB", async () => {
    expect((await post("{not json")).status).toBe(400);
    expect((await post("{}", { "content-type": "text/plain" })).status).toBe(415);
    const huge = JSON.stringify({ workloads: [], pad: "x".repeat(1_100_000) });
    expect((await post(huge)).status).toBe(413);
  });

  it("caps the work per request at 500 workloads (issue 10 item 5): 501 is refused on `workloads` before any pricing", async () => {
    const { mixedScenario } = await import("@/lib/pricing/ec2/test-helpers");
    // The costly shape: every workload its own instances (scale-with-tasks), bridge networking, many sizes.
    const heavy = (n: number) => mixedScenario(n, { scaling: "scale-with-tasks", networking: "bridge" }, true);
    const refused = await post(JSON.stringify(heavy(8_000)), { "content-type": "application/json", "x-forwarded-for": "10.5.0.1" });
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.error.issues).toEqual([
      { path: "workloads", message: expect.stringMatching(/^The API prices at most 500 workloads a request \(this one has 8,000\)/) },
    ]);
    // Refused before validating (or pricing) anything: 8,000 workloads that are each invalid get the one sentence
    // about the count, not 8,000 problems (no clock needed: validation would have named them).
    const junk = await post(JSON.stringify({ workloads: Array.from({ length: 8_000 }, () => ({ vcpu: "lots" })) }), {
      "content-type": "application/json",
      "x-forwarded-for": "10.5.0.4",
    });
    expect(junk.status).toBe(400);
    expect((await junk.json()).error.issues).toEqual([
      { path: "workloads", message: expect.stringMatching(/^The API prices at most 500 workloads a request \(this one has 8,000\)/) },
    ]);
    const ok = await post(JSON.stringify(heavy(500)), { "content-type": "application/json", "x-forwarded-for": "10.5.0.2" });
    expect(ok.status).toBe(200);
    const justOver = await post(JSON.stringify(heavy(501)), { "content-type": "application/json", "x-forwarded-for": "10.5.0.3" });
    expect(justOver.status).toBe(400);
  });

  it("refuses a deeply nested body quickly with a readable message", async () => {
    const deep = "[".repeat(50_000) + "]".repeat(50_000);
    const res = await post(deep);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toBeTruthy();
  });
});
