import { describe, expect, it } from "vitest";
import { fargateCatalog } from "@/lib/catalog/fargate";
import { parseScenario } from "./parse";
import { decodeScenario, encodeScenario, MAX_PAGE_WORKLOADS, MAX_SHARE_CHARS, readShareHash } from "./url";

/** A compact share link of `n` identical workloads (13 characters each: 7,490 fit in 100,000). */
function link(n: number): string {
  const workloads = Array.from({ length: n }, () => ({ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }));
  const parsed = parseScenario({ version: 1, name: "big", region: "us-east-1", workloads }, fargateCatalog);
  if (!parsed.ok) throw new Error(parsed.error[0]?.message);
  return encodeScenario(parsed.value);
}

describe("the page's workload limit for share links (issue 19, item 9: a 100,000-character link froze the page)", () => {
  it("a link within the character limit can hold 7,490 workloads: the page refuses it in one sentence, the CLI's decoder opens it", () => {
    const big = link(7_490);
    expect(big.length).toBeLessThanOrEqual(MAX_SHARE_CHARS);
    const refused = decodeScenario(big, fargateCatalog, { maxWorkloads: MAX_PAGE_WORKLOADS });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.message).toBe(
        "The shared scenario has 7,490 workloads, and this page opens at most 2,000 (more would freeze the browser for seconds): split it, or price it with the command line (npm run estimate) from a scenario file.",
      );
    const opened = decodeScenario(big, fargateCatalog);
    expect(opened.ok && opened.value.scenario.workloads.length).toBe(7_490);
  });

  it("2,000 workloads open; 2,001 do not (versioned and legacy links, and through readShareHash)", () => {
    expect(MAX_PAGE_WORKLOADS).toBe(2_000);
    const limit = { maxWorkloads: MAX_PAGE_WORKLOADS };
    expect(decodeScenario(link(2_000), fargateCatalog, limit).ok).toBe(true);
    expect(readShareHash(`#s=${link(2_001)}`, fargateCatalog, limit)?.ok).toBe(false);
    const legacy = Buffer.from(
      JSON.stringify({ version: 1, region: "us-east-1", workloads: Array.from({ length: 2_001 }, () => ({ name: "a", vcpu: 1, memoryGiB: 2 })) }),
    ).toString("base64");
    const r = decodeScenario(legacy, fargateCatalog, limit);
    expect(!r.ok && r.error.message).toMatch(/^The shared scenario has 2,001 workloads/);
  });
});
