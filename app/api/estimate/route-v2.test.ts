import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { POST } = await import("./route");

const post = (body: unknown) =>
  POST(
    new Request("http://localhost/api/estimate", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", "x-forwarded-for": "10.9.9.2" },
    }),
  );

describe("POST /api/estimate, version 2", () => {
  it("prices the services: 2 NAT gateways with 100 GB in us-east-1", async () => {
    const res = await post({
      version: 2,
      workloads: [{ name: "api", vcpu: 1, memoryGiB: 2 }],
      services: { natGateways: { count: 2, processedGiBPerMonth: 100 } },
    });
    expect(res.status).toBe(200);
    const est = await res.json();
    // 2 x 730 x 0.045 = 65.7; 100 x 0.045 = 4.5; 2 x 730 x 0.005 = 7.3 (their public IPv4)
    expect(est.services.monthlyCost).toBe("77.5");
    // compute 730 x 0.04937 = 36.0401
    expect(est.totals).toEqual({ computeMonthlyCost: "36.0401", servicesMonthlyCost: "77.5", monthlyCost: "113.5401" });
  });

  it("answers 400 with the path of every bad value", async () => {
    const res = await post({
      version: 2,
      workloads: [{ name: "api", vcpu: 1, memoryGiB: 2, logs: { storedGiB: -1 } }],
      services: { eksClusters: { count: "one" }, fileSystems: [{ name: "f", storageClass: "cold", storedGiB: 1 }] },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      "services.eksClusters.count",
      "services.fileSystems.0.storageClass",
      "workloads.0.logs.storedGiB",
    ]);
  });
});
