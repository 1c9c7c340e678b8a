import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { rightsizeFromUtilizationCsv } from "./recommend";
import { parseUtilizationCsv } from "./utilization-csv";

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");

function errorsOf(text: string) {
  const r = parseUtilizationCsv(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.error;
}

describe("rightsizeFromUtilizationCsv with the fixtures", () => {
  it("hourly, one service (the worked example): 1 vCPU / 4 GiB -> 0.5 vCPU / 2 GiB", () => {
    // 100 points: p99 (rank 99) CPU 30%, memory 40%; peaks 35% / 45%.
    // CPU 1 x 30% x 1.2 = 0.36 -> 0.5 vCPU; memory 4 x 40% x 1.2 = 1.92 -> 2 GiB.
    const r = rightsizeFromUtilizationCsv(fixture("utilization-hourly.csv"), { current: { vcpu: 1, memoryGiB: 4 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.parsed).toHaveLength(1);
    const [rec] = r.value.parsed;
    expect(rec!.serviceName).toBe("service");
    expect(rec!.recommended).toEqual({ vcpu: 0.5, memoryGiB: 2 });
    expect(rec!.utilization).toMatchObject({ cpuPercentileValue: 30, memoryPercentileValue: 40, cpuMaxPercent: 35, memoryMaxPercent: 45, samples: 100 });
    expect(rec!.lastRefreshed).toBe("2025-06-05T03:00:00Z");
    expect(r.value.warnings).toEqual([]);
  });

  it("CloudWatch-style export: title lines, Label column, Average + Maximum columns, a gap, CRLF", () => {
    // Maximum columns are used. CPU max column: 23 values (one blank), largest 18 -> p99 rank ceil(22.77) = 23 -> 18%.
    // 1 vCPU x 18% x 1.2 = 0.216 -> 0.25 vCPU. Memory max column: 24 values, largest 58% -> 2 GiB x 58% x 1.2 = 1.392 -> 2 GiB.
    const r = rightsizeFromUtilizationCsv(fixture("utilization-cloudwatch.csv"), { current: { vcpu: 1, memoryGiB: 2 }, defaultServiceName: "orders-api" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.parsed[0]!.serviceName).toBe("orders-api");
    expect(r.value.parsed[0]!.recommended).toEqual({ vcpu: 0.25, memoryGiB: 2 });
    expect(r.value.parsed[0]!.utilization.cpuPercentileValue).toBe(18);
    expect(r.value.parsed[0]!.utilization.memoryPercentileValue).toBe(58);
    // Peaks: 0.18 of 0.25 vCPU = 72%, 1.16 of 2 GiB = 58% -> Low.
    expect(r.value.parsed[0]!.performanceRisk).toBe("Low");
    expect(r.value.warnings.join(" ")).toMatch(/Skipped 2 lines before the header/);
    expect(r.value.warnings.join(" ")).toMatch(/using the maximum, "CPUUtilization \(Maximum\)"/);
  });

  it("a service column gives one recommendation per service", () => {
    // Both at 0.5 vCPU / 1 GiB, 30 points each (p99 = rank 30 = the max).
    // orders-api: CPU max 29% -> 0.5 x 0.29 x 1.2 = 0.174 -> 0.25; memory 34% -> 1 x 0.34 x 1.2 = 0.408 -> 0.5 GiB.
    // payments-worker: CPU 89% -> 0.534 -> 1 vCPU; memory 89% -> 1.068 GiB -> the 1 vCPU row starts at 2 GiB.
    const r = rightsizeFromUtilizationCsv(fixture("utilization-two-services.csv"), { current: { vcpu: 0.5, memoryGiB: 1 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.parsed.map((x) => [x.serviceName, x.recommended, x.finding])).toEqual([
      ["orders-api", { vcpu: 0.25, memoryGiB: 0.5 }, "Overprovisioned"],
      ["payments-worker", { vcpu: 1, memoryGiB: 2 }, "Underprovisioned"],
    ]);
  });

  it("per-service current sizes", () => {
    const r = rightsizeFromUtilizationCsv(fixture("utilization-two-services.csv"), {
      current: { vcpu: 0.5, memoryGiB: 1 },
      currentByService: { "orders-api": { vcpu: 2, memoryGiB: 4 } },
    });
    // orders-api at 2 vCPU / 4 GiB: 2 x 0.29 x 1.2 = 0.696 -> 1 vCPU; 4 x 0.34 x 1.2 = 1.632 -> 2 GiB.
    expect(r.ok && r.value.parsed[0]!.recommended).toEqual({ vcpu: 1, memoryGiB: 2 });
  });

  it("long format (Timestamp, MetricName, Value)", () => {
    // CPU 40..63%, memory 10..33% (24 points each). 1 x 0.63 x 1.2 = 0.756 -> 1 vCPU; 2 x 0.33 x 1.2 = 0.792 -> 2 GiB.
    const r = rightsizeFromUtilizationCsv(fixture("utilization-long.csv"), { current: { vcpu: 1, memoryGiB: 2 } });
    expect(r.ok && r.value.parsed[0]!.recommended).toEqual({ vcpu: 1, memoryGiB: 2 });
    expect(r.ok && r.value.parsed[0]!.finding).toBe("Optimized");
  });
});

describe("header variants", () => {
  it.each([
    ["timestamp,CPUUtilization,MemoryUtilization"],
    ["time,cpu_percent,memory_percent"],
    ["Date,CPU (%),Memory (%)"],
    ["ts;cpu;mem"],
    ["cpu_pct\tmem_pct"],
    ["\uFEFFTimestamp,Cpu Utilization %,Memory Utilization %"],
  ])("%s", (header) => {
    const sep = header.includes(";") ? ";" : header.includes("\t") ? "\t" : ",";
    const cols = header.replace("\uFEFF", "").split(sep).length;
    const row = (c: number, m: number) => (cols === 3 ? ["2025-06-01T00:00:00Z", `${c}`, `${m}`] : [`${c}`, `${m}`]).join(sep);
    const r = parseUtilizationCsv(`${header}\n${row(10, 20)}\n${row(30, 40)}\n`);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.parsed[0]).toMatchObject({ cpuPercent: [10, 30], memoryPercent: [20, 40] });
  });

  it("accepts a trailing % on values", () => {
    const r = parseUtilizationCsv("cpu,memory\n30%,40 %\n");
    expect(r.ok && r.value.parsed[0]!.cpuPercent).toEqual([30]);
  });
});

describe("malformed files: an error naming the line, never a partial result", () => {
  const good = (i: number) => `2025-06-01T0${i}:00:00Z,${10 + i},${20 + i}`;
  const lines = ["timestamp,cpu_percent,memory_percent", good(1), good(2), good(3), good(4), good(5)];

  it("a word in a number column", () => {
    const text = [...lines, "2025-06-01T06:00:00Z,abc,20", good(7)].join("\n");
    expect(errorsOf(text)).toEqual(["line 7: CPU % 'abc' is not a number"]);
  });
  it("every bad line is listed, up to 10", () => {
    const bad = Array.from({ length: 12 }, (_, i) => `x,${i},oops`);
    const errors = errorsOf(["cpu_percent,memory_percent", ...bad.map((b) => b.split(",").slice(1).join(","))].join("\n"));
    expect(errors).toHaveLength(11);
    expect(errors[0]).toBe("line 2: memory % 'oops' is not a number");
    expect(errors[10]).toBe("... and 2 more problems.");
  });
  it("negative and absurd percentages", () => {
    expect(errorsOf("cpu,mem\n-5,10\n")).toEqual(["line 2: CPU % '-5' is below 0"]);
    expect(errorsOf("cpu,mem\n5,2000\n")[0]).toMatch(/^line 2: memory % '2000' is above 1000/);
  });
  it("an unclosed quote names its line", () => {
    expect(errorsOf('cpu,mem\n1,2\n"3,4\n5,6\n')[0]).toMatch(/^line 3: a quoted field is never closed/);
  });
  it("a quoted multi-line cell keeps later line numbers right", () => {
    expect(errorsOf('service,cpu,mem\n"multi\nline",1,2\nx,bad,2\n')).toEqual(["line 4: CPU % 'bad' is not a number"]);
  });
  it("no memory column / no CPU column / no header at all", () => {
    expect(errorsOf("timestamp,cpu\n1,2\n")[0]).toMatch(/^line 1: no memory % column/);
    expect(errorsOf("timestamp,memory\n1,2\n")[0]).toMatch(/^line 1: no CPU % column/);
    expect(errorsOf("a,b\n1,2\n")[0]).toMatch(/no header with CPU and memory columns/);
    expect(errorsOf("timestamp,CpuUtilized,MemoryUtilized\n1,2,3\n")[0]).toMatch(/CPU units or MiB, not percent/);
  });
  it("empty, header-only, and values for only one metric", () => {
    expect(errorsOf("")).toEqual(["The file is empty."]);
    expect(errorsOf("\n\n  \n")).toEqual(["The file is empty."]);
    expect(errorsOf("cpu,memory\n")).toEqual(["The file has no CPU or memory values below its header."]);
    expect(errorsOf("cpu,memory\n10,\n20,\n")).toEqual(["no memory % values"]);
  });
  it("two CPU columns without a Maximum one are ambiguous", () => {
    expect(errorsOf("cpu_a,cpu_b,memory\n1,2,3\n")[0]).toMatch(/several CPU columns/);
  });
  it("not text", () => {
    expect(parseUtilizationCsv(42 as unknown as string)).toEqual({ ok: false, error: ["The file is not text."] });
  });
  it("rightsize rejects bad options before reading", () => {
    const r = rightsizeFromUtilizationCsv(lines.join("\n"), { current: { vcpu: -1, memoryGiB: 2 } });
    expect(r).toEqual({ ok: false, error: ["The current size needs vCPU and memory above 0."] });
  });
});
