import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AT_SCALE_FILE, ESTIMATES_DIR, goldenJson, renderAtScale, renderEstimate, renderSpotSeries, SPOT_SERIES_FILE } from "./render";
import { atScaleScenarios, goldenScenarios, prng } from "./scenarios";

/**
 * The engine against its golden files (test/golden): each golden scenario re-priced now must give the checked-in
 * JSON and CSV byte for byte (decimals are full-precision strings, so any drift shows). The goldens were first
 * written by the big.js engine's successor and checked equal to the big.js engine (issue 18); since then a billing
 * rule changes by `npm run golden:update` and a reviewed diff of test/golden. On a failure, vitest prints the diff.
 */
const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const scenarios = goldenScenarios();
const UPDATE = "the engine's output changed: if the change is meant, run `npm run golden:update` and review `git diff test/golden`";

describe("golden scenarios", () => {
  it("cover every rule group and a few hundred scenarios, with unique names; every listed scenario has its files and no other file is there", () => {
    const names = scenarios.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThanOrEqual(200);
    for (const group of ["sizes-", "eks-", "storage-", "schedule-", "spot-", "savings-plan-", "region-", "ec2-", "bill-", "mixed-"])
      expect(names.some((n) => n.startsWith(group))).toBe(true);
    const expected = names.flatMap((n) => [`${n}.csv`, `${n}.json`]).sort();
    expect(readdirSync(path.join(root, ESTIMATES_DIR)).sort()).toEqual(expected);
  });

  it("are generated the same every time (seeded): the list is code, not a draw", () => {
    expect(JSON.stringify(goldenScenarios())).toBe(JSON.stringify(scenarios));
    // mulberry32 (the published algorithm; these two draws computed separately in Python) with seed 18.
    const r = prng(18);
    expect([r.next(), r.next()].map((x) => x.toFixed(6))).toEqual(["0.398162", "0.603399"]);
  });
});

describe("estimates = golden files, byte for byte", () => {
  it.each(scenarios.map((s) => [s.name, s] as const))("%s", (name, s) => {
    const { json, csv } = renderEstimate(s);
    expect(json, `${name}.json: ${UPDATE}`).toBe(read(`${ESTIMATES_DIR}/${name}.json`));
    expect(csv, `${name}.csv: ${UPDATE}`).toBe(read(`${ESTIMATES_DIR}/${name}.csv`));
  });

  it("the Spot savings series of every scenario", () => {
    expect(renderSpotSeries(scenarios), UPDATE).toBe(read(SPOT_SERIES_FILE));
  });

  it("the large scenarios' totals, services and EC2 cluster (2,000 workloads, both scalings, Spot and a commitment)", () => {
    expect(renderAtScale(atScaleScenarios()), UPDATE).toBe(read(AT_SCALE_FILE));
  });
});

describe("goldenJson: the goldens' layout", () => {
  it("is JSON.stringify's data; an object or array fitting in 160 columns, or holding no object or array, is one line", () => {
    const x = "x".repeat(200);
    const y = "y".repeat(160);
    const value = { a: { b: x, c: [1, 2] }, d: { e: 1 }, f: [], g: {}, h: [{ i: [{ j: y }] }], k: undefined };
    const text = goldenJson(value);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(text).toBe(
      [
        "{",
        '  "a": {',
        `    "b": "${x}",`,
        '    "c": [1,2]',
        "  },",
        '  "d": {"e":1},',
        '  "f": [],',
        '  "g": {},',
        '  "h": [',
        "    {",
        '      "i": [',
        `        {"j":"${y}"}`,
        "      ]",
        "    }",
        "  ]",
        "}",
        "",
      ].join("\n"),
    );
    expect(goldenJson({ d: { e: 1 } })).toBe('{"d":{"e":1}}\n');
  });
});
