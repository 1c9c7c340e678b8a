import { describe, expect, it } from "vitest";
import { splitTasks, spotPercentOf } from "./capacity";

const split = (tasks: number, strategy: Parameters<typeof splitTasks>[1]) => {
  const r = splitTasks(tasks, strategy);
  if (!r.ok) throw new Error(r.error);
  return r.value.map((s) => s.tasks);
};

describe("capacityProviderStrategy: the tasks each provider runs", () => {
  it("base first, then the weights", () => {
    // FARGATE base 2 weight 1, FARGATE_SPOT weight 3; 10 tasks: 2 on FARGATE, the other 8 split 1:3 = 2 + 6.
    const s = [
      { capacityProvider: "FARGATE", base: 2, weight: 1 },
      { capacityProvider: "FARGATE_SPOT", weight: 3 },
    ];
    expect(split(10, s)).toEqual([4, 6]);
    // 1 task: the base takes it. 2 tasks: both on the base.
    expect(split(1, s)).toEqual([1, 0]);
    expect(split(2, s)).toEqual([2, 0]);
    // 6 = 2 + 4 split 1:3 = 1 + 3 -> FARGATE 3, FARGATE_SPOT 3: 50% Spot.
    const six = splitTasks(6, s);
    expect(six.ok && spotPercentOf(six.value)).toBe(50);
  });

  it("even weights alternate, the first listed taking the odd task", () => {
    const s = [
      { capacityProvider: "FARGATE_SPOT", weight: 1 },
      { capacityProvider: "FARGATE", weight: 1 },
    ];
    expect(split(3, s)).toEqual([2, 1]);
    expect(split(4, s)).toEqual([2, 2]);
  });

  it("1:4 places one task on the first for every four on the second", () => {
    const s = [
      { capacityProvider: "FARGATE", weight: 1 },
      { capacityProvider: "FARGATE_SPOT", weight: 4 },
    ];
    expect(split(5, s)).toEqual([1, 4]);
    expect(split(10, s)).toEqual([2, 8]);
    // 8 = 1.6 : 6.4 -> the first gets its second task at the 6th placement: 2 + 6.
    expect(split(8, s)).toEqual([2, 6]);
  });

  it("a weight of 0 takes only its base; bad strategies are refused in words", () => {
    expect(
      split(5, [
        { capacityProvider: "FARGATE", base: 1, weight: 0 },
        { capacityProvider: "FARGATE_SPOT", weight: 1 },
      ]),
    ).toEqual([1, 4]);
    expect(splitTasks(3, [{ capacityProvider: "FARGATE", base: 1 }])).toEqual({
      ok: false,
      error: "no capacity provider has a weight above 0 for the tasks beyond the base",
    });
    expect(
      splitTasks(3, [
        { capacityProvider: "A", base: 1, weight: 1 },
        { capacityProvider: "B", base: 1, weight: 1 },
      ]),
    ).toEqual({ ok: false, error: "only one capacity provider of a strategy may have a base" });
  });
});
