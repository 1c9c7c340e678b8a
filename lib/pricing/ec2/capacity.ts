import { countBins, type BinCapacity, type PackItem, type StaticOrders } from "./pack";

/**
 * countBins for one item list, once per distinct capacity: many types offer the same CPU, memory and task cap
 * (m5.large, m6i.large, m7i.large...), and the count depends on nothing else.
 */
export class CapacityMemo {
  private readonly counts = new Map<number, Map<number, Map<number, number>>>();
  countBins(items: readonly PackItem[], cap: BinCapacity, orders: StaticOrders): number {
    let byMemory = this.counts.get(cap.cpu);
    if (!byMemory) this.counts.set(cap.cpu, (byMemory = new Map()));
    let byTasks = byMemory.get(cap.memoryMiB);
    if (!byTasks) byMemory.set(cap.memoryMiB, (byTasks = new Map()));
    let b = byTasks.get(cap.tasks);
    if (b === undefined) byTasks.set(cap.tasks, (b = countBins(items, cap, orders)));
    return b;
  }
}
