import { describe, expect, it } from "vitest";
import { ResourceIds } from "./resource-ids";

const hex = (n: number, width = 32) => n.toString(16).padStart(width, "0");
const arn = (cluster: string, n: number) => `arn:aws:ecs:us-east-1:111122223333:task/${cluster}/${hex(n)}`;

describe("ResourceIds: one entry per (group, resource ID), exact", () => {
  it("finds every ID it was given, in its own group only, past several growths of its arrays and table", () => {
    const ids = new ResourceIds();
    const entries = new Map<string, number>();
    expect((ids as unknown as { map: unknown }).map).toBeNull();
    // 30,000 task ARNs in each of 3 groups: 90,000 entries (the arrays start at 1,024, the table at 2,048 slots).
    for (let g = 0; g < 3; g++) {
      for (let i = 0; i < 30_000; i++) {
        const id = arn("shop", i);
        expect(ids.find(g, id)).toBe(-1);
        const e = ids.add(g, id);
        entries.set(`${g}/${id}`, e);
        expect(ids.task[e]).toBe(-2);
      }
    }
    expect(ids.size).toBe(90_000);
    // Task ARNs differ in their last characters, which the hash reads: the table held them all.
    expect((ids as unknown as { map: unknown }).map).toBeNull();
    expect(new Set(entries.values()).size).toBe(90_000);
    for (const [key, e] of entries) {
      const [g, id] = [Number(key.slice(0, key.indexOf("/"))), key.slice(key.indexOf("/") + 1)];
      expect(ids.find(g, id)).toBe(e);
    }
    // Not found: another group, another ID, a prefix, the same ID one character longer.
    expect(ids.find(3, arn("shop", 1))).toBe(-1);
    expect(ids.find(0, arn("shop", 30_000))).toBe(-1);
    expect(ids.find(0, arn("shop", 1).slice(0, -1))).toBe(-1);
    expect(ids.find(0, `${arn("shop", 1)}0`)).toBe(-1);
  });

  it("keeps its caller's per-entry value", () => {
    const ids = new ResourceIds();
    const e = ids.add(0, "i-0abc");
    ids.task[e] = 7;
    ids.add(0, "i-0abd");
    expect(ids.task[ids.find(0, "i-0abc")]).toBe(7);
  });

  it("stays exact when IDs are made alike where its hash looks (same length, first 8 and last 32 characters): they move to a Map", () => {
    const ids = new ResourceIds();
    // 2,000 IDs that differ only in the middle: one hash for all, so the probe runs past 64 slots and the table gives way.
    const alike = (i: number) => `arn:aws:${hex(i, 12)}:task/shop/${"0".repeat(32)}`;
    const entries = Array.from({ length: 2_000 }, (_, i) => ids.add(0, alike(i)));
    expect((ids as unknown as { map: unknown }).map, "the table gave way to a Map").toBeInstanceOf(Map);
    for (let i = 0; i < 2_000; i++) expect(ids.find(0, alike(i))).toBe(entries[i]);
    expect(ids.find(0, alike(2_000))).toBe(-1);
    // Still exact after: new IDs, other groups.
    const later = ids.add(1, alike(5));
    expect(ids.find(1, alike(5))).toBe(later);
    expect(ids.find(0, alike(5))).toBe(entries[5]);
  });

  it("keeps IDs with characters past U+00FF beside the table, and U+0080-U+00FF as themselves when the table gives way", () => {
    const ids = new ResourceIds();
    const wide = ids.add(0, "task/ш-1");
    const latin = ids.add(0, "task/\u0080\u009f\u00ff");
    expect(ids.find(0, "task/ш-1")).toBe(wide);
    expect(ids.find(0, "task/ш-2")).toBe(-1);
    expect(ids.find(0, "task/\u0080\u009f\u00ff")).toBe(latin);
    // "€" is what windows-1252 makes of byte 0x80: it must not be found for "\u0080".
    expect(ids.find(0, "task/€\u009f\u00ff")).toBe(-1);
    const alike = (i: number) => `x${hex(i, 20)}${"\u0080".repeat(40)}`;
    const entries = Array.from({ length: 500 }, (_, i) => ids.add(0, alike(i)));
    expect((ids as unknown as { map: unknown }).map, "the table gave way to a Map").toBeInstanceOf(Map);
    for (let i = 0; i < 500; i++) expect(ids.find(0, alike(i))).toBe(entries[i]);
    expect(ids.find(0, "task/\u0080\u009f\u00ff")).toBe(latin);
    expect(ids.find(0, "task/ш-1")).toBe(wide);
  });
});
