import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { estimateScenario } from "@/lib/pricing/estimate";
import { importWorkload } from "./import";
import { parseScenario } from "./parse";

const taskDefinition = {
  family: "web",
  cpu: "1024",
  memory: "2048",
  requiresCompatibilities: ["FARGATE"],
  networkMode: "awsvpc",
  containerDefinitions: [{ name: "app", image: "nginx" }],
};
const service = {
  serviceName: "web-svc",
  taskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7",
  desiredCount: 8,
  capacityProviderStrategy: [
    { capacityProvider: "FARGATE", base: 2, weight: 1 },
    { capacityProvider: "FARGATE_SPOT", weight: 3 },
  ],
};

describe("ECS service JSON: desiredCount and the capacity provider strategy on its task definition", () => {
  it("[taskDefinition, service] -> 8 tasks, 3 on FARGATE and 5 on Spot (the issue's example), priced as 62.5% Spot", () => {
    const r = importWorkload(JSON.stringify([taskDefinition, service]));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.workloads).toEqual([
      expect.objectContaining({
        name: "web",
        vcpu: 1,
        memoryGiB: 2,
        tasks: 8,
        capacityProviders: [
          { provider: "FARGATE", base: 2, weight: 1 },
          { provider: "FARGATE_SPOT", base: 0, weight: 3 },
        ],
      }),
    ]);
    expect(r.value.warnings).toContain('Service "web-svc" sets 8 tasks of "web" and its capacity provider strategy');
    const p = parseScenario({ region: "us-east-1", workloads: r.value.workloads }, fargateCatalog);
    if (!p.ok) throw new Error("invalid");
    // 2190 on-demand task-hours x 0.04937 = 108.1203 + 3650 Spot task-hours x 0.01571925 = 57.3752625 (capacity-providers.test.ts).
    expect(estimateScenario(p.value, fargateCatalog).totals.monthlyCost.toString()).toBe("165.4955625");
  });

  it("reads describe-services output ({ services: [...] }) and YAML documents alike", () => {
    const r = importWorkload(JSON.stringify([taskDefinition, { services: [{ ...service, capacityProviderStrategy: undefined, desiredCount: 3 }] }]));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.workloads[0]).toMatchObject({ tasks: 3 });
    expect(r.value.workloads[0]!.capacityProviders).toBeUndefined();
  });

  it("refuses a service without its task definition, and EC2 capacity providers, in one sentence", () => {
    const alone = importWorkload(JSON.stringify(service));
    expect(alone.ok ? "" : alone.error.message).toBe(
      'Service "web-svc" runs task definition "web", which is not in the file: a service does not say the task size, so import its task definition with it (a JSON list [taskDefinition, service]).',
    );
    const ec2 = importWorkload(JSON.stringify([taskDefinition, { ...service, capacityProviderStrategy: [{ capacityProvider: "my-asg", weight: 1 }] }]));
    expect(ec2.ok ? "" : ec2.error.message).toMatch(
      /^Item 2: Service "web-svc" uses the capacity provider "my-asg": only FARGATE and FARGATE_SPOT are priced here/,
    );
  });
});
