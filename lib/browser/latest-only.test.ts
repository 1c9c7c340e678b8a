import { describe, expect, it } from "vitest";
import { latestOnly } from "./latest-only";

/** A job whose answers the test releases by hand, recording what ran. */
function manual() {
  const ran: number[] = [];
  const release: ((r: string) => void)[] = [];
  const run = (q: number) =>
    new Promise<string>((resolve) => {
      ran.push(q);
      release.push(resolve);
    });
  return { ran, release, run };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("latestOnly", () => {
  it("answers a lone request", async () => {
    const m = manual();
    const ask = latestOnly(m.run);
    const a = ask(1);
    await tick();
    m.release[0]!("one");
    expect(await a).toBe("one");
  });

  it("drops the answer of a request superseded while it ran, and never runs one superseded while it waited", async () => {
    const m = manual();
    const ask = latestOnly(m.run);
    const a = ask(1); // runs
    const b = ask(2); // waits
    const c = ask(3); // replaces 2, which never runs
    expect(await b).toBeUndefined();
    m.release[0]!("one"); // 1's answer comes after 3 was asked for: dropped
    expect(await a).toBeUndefined();
    await tick();
    expect(m.ran).toEqual([1, 3]);
    m.release[1]!("three");
    expect(await c).toBe("three");
  });

  it("after a failed run, the next request still runs", async () => {
    let n = 0;
    const ask = latestOnly(async (q: number) => {
      if (n++ === 0) throw new Error("boom");
      return q * 2;
    });
    expect(await ask(1)).toBeUndefined();
    expect(await ask(2)).toBe(4);
  });
});
