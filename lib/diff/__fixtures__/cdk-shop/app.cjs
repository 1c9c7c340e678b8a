/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS CDK app, run outside this project */
// A CDK app synthesized with aws-cdk-lib 2.276.0 (Apache-2.0) to give lib/diff a real `cdk synth` template.
// Run: npm install aws-cdk-lib@2.276.0 constructs@10 && node app.cjs > Shop.template.json
const cdk = require("aws-cdk-lib");
const ec2 = require("aws-cdk-lib/aws-ec2");
const ecs = require("aws-cdk-lib/aws-ecs");
const patterns = require("aws-cdk-lib/aws-ecs-patterns");

const app = new cdk.App();
const stack = new cdk.Stack(app, "Shop", { env: { account: "123456789012", region: "us-east-1" } });
const vpc = new ec2.Vpc(stack, "Vpc", { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, "Cluster", { vpc, enableFargateCapacityProviders: true });

// A web service behind an ALB: 0.5 vCPU / 1 GiB, 2 tasks on FARGATE.
new patterns.ApplicationLoadBalancedFargateService(stack, "Web", {
  cluster,
  cpu: 512,
  memoryLimitMiB: 1024,
  desiredCount: 2,
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry("public.ecr.aws/nginx/nginx:stable") },
});

// A worker: 1 vCPU / 2 GiB, 5 tasks, FARGATE base 1 weight 1 and FARGATE_SPOT weight 3.
const workerDef = new ecs.FargateTaskDefinition(stack, "WorkerDef", { cpu: 1024, memoryLimitMiB: 2048 });
workerDef.addContainer("worker", { image: ecs.ContainerImage.fromRegistry("public.ecr.aws/docker/library/busybox:stable") });
new ecs.FargateService(stack, "Worker", {
  cluster,
  taskDefinition: workerDef,
  desiredCount: 5,
  capacityProviderStrategies: [
    { capacityProvider: "FARGATE", base: 1, weight: 1 },
    { capacityProvider: "FARGATE_SPOT", weight: 3 },
  ],
});

// A Graviton batch task definition with no service (20 GiB ephemeral storage beyond the free 20 -> 40 GiB).
const arm = new ecs.FargateTaskDefinition(stack, "ReportDef", {
  cpu: 2048,
  memoryLimitMiB: 4096,
  ephemeralStorageGiB: 40,
  runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.ARM64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
});
arm.addContainer("report", { image: ecs.ContainerImage.fromRegistry("public.ecr.aws/docker/library/busybox:stable") });

const assembly = app.synth();
process.stdout.write(JSON.stringify(assembly.getStackByName("Shop").template, null, 1) + "\n");
