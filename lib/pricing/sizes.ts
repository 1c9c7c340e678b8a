/**
 * The valid Fargate task sizes (ECS Developer Guide, "Task CPU and memory"; docs/pricing-rules.md#valid-task-sizes).
 * memoryGiB lists every valid memory value for the vCPU. EKS pods are rounded up onto this grid.
 */
export type OperatingSystem = "linux" | "windows";

export interface SizeRow {
  vcpu: number;
  memoryGiB: readonly number[];
  /** Windows supports only 1, 2 and 4 vCPU. */
  windows: boolean;
}

const range = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
};

export const SIZE_GRID: readonly SizeRow[] = [
  { vcpu: 0.25, memoryGiB: [0.5, 1, 2], windows: false },
  { vcpu: 0.5, memoryGiB: range(1, 4, 1), windows: false },
  { vcpu: 1, memoryGiB: range(2, 8, 1), windows: true },
  { vcpu: 2, memoryGiB: range(4, 16, 1), windows: true },
  { vcpu: 4, memoryGiB: range(8, 30, 1), windows: true },
  { vcpu: 8, memoryGiB: range(16, 60, 4), windows: false },
  { vcpu: 16, memoryGiB: range(32, 120, 8), windows: false },
  { vcpu: 32, memoryGiB: [60, 120, 244], windows: false },
];

export interface TaskSize {
  vcpu: number;
  memoryGiB: number;
}

const rowsFor = (os: OperatingSystem) => SIZE_GRID.filter((r) => os === "linux" || r.windows);

export function validVcpus(os: OperatingSystem): number[] {
  return rowsFor(os).map((r) => r.vcpu);
}

export function validMemoriesFor(vcpu: number, os: OperatingSystem): readonly number[] {
  return rowsFor(os).find((r) => r.vcpu === vcpu)?.memoryGiB ?? [];
}

export function isValidSize(size: TaskSize, os: OperatingSystem): boolean {
  return validMemoriesFor(size.vcpu, os).includes(size.memoryGiB);
}

export function allSizes(os: OperatingSystem): TaskSize[] {
  return rowsFor(os).flatMap((r) => r.memoryGiB.map((m) => ({ vcpu: r.vcpu, memoryGiB: m })));
}

/** The largest size of the grid for an OS. */
export function largestSize(os: OperatingSystem): TaskSize {
  const rows = rowsFor(os);
  const last = rows[rows.length - 1]!;
  return { vcpu: last.vcpu, memoryGiB: Math.max(...last.memoryGiB) };
}

/**
 * The smallest valid size that covers a request (vCPU first, then memory): how Fargate places EKS pods
 * and how we import task definitions that are not valid as written. Undefined when nothing covers it.
 */
export function roundUpToValidSize(request: TaskSize, os: OperatingSystem): TaskSize | undefined {
  for (const row of rowsFor(os)) {
    if (row.vcpu < request.vcpu) continue;
    const memory = row.memoryGiB.find((m) => m >= request.memoryGiB);
    if (memory !== undefined) return { vcpu: row.vcpu, memoryGiB: memory };
  }
  return undefined;
}

/**
 * The valid sizes nearest to an invalid request, for error messages: the round-up, plus the closest
 * valid memory values at the requested vCPU when that vCPU exists.
 */
export function nearestValidSizes(request: TaskSize, os: OperatingSystem): TaskSize[] {
  const out: TaskSize[] = [];
  const push = (s: TaskSize | undefined) => {
    if (s && !out.some((o) => o.vcpu === s.vcpu && o.memoryGiB === s.memoryGiB)) out.push(s);
  };
  const memories = validMemoriesFor(request.vcpu, os);
  if (memories.length > 0) {
    const below = [...memories].reverse().find((m) => m <= request.memoryGiB);
    const above = memories.find((m) => m >= request.memoryGiB);
    if (below !== undefined) push({ vcpu: request.vcpu, memoryGiB: below });
    if (above !== undefined) push({ vcpu: request.vcpu, memoryGiB: above });
  } else {
    const vcpus = validVcpus(os);
    const lower = [...vcpus].reverse().find((v) => v < request.vcpu);
    if (lower !== undefined) {
      const m = validMemoriesFor(lower, os);
      push({ vcpu: lower, memoryGiB: m.find((x) => x >= request.memoryGiB) ?? m[m.length - 1]! });
    }
  }
  push(roundUpToValidSize(request, os));
  return out.sort((a, b) => a.vcpu - b.vcpu || a.memoryGiB - b.memoryGiB);
}

export function formatSize(size: TaskSize): string {
  return `${size.vcpu} vCPU / ${size.memoryGiB} GiB`;
}
