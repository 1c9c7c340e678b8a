import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asTaskDefinition, importTaskDefinition, parseTaskCpu, parseTaskMemory } from "./import-task-definition";

describe("ECS cpu and memory in every form AWS accepts", () => {
  it.each([
    ["1024", 1],
    [1024, 1],
    ["1 vcpu", 1],
    ["1 vCPU", 1],
    ["1vCPU", 1],
    ["0.5 vcpu", 0.5],
    [".25 vCPU", 0.25],
    ["2 VCPU", 2],
    ["256", 0.25],
    [" 4096 ", 4],
    ["0", 0],
  ])("cpu %j = %d vCPU", (value, vcpu) => {
    expect(parseTaskCpu(value)).toBe(vcpu);
  });

  it.each([["-1024"], [-1024], ["0.5"], [512.5], ["1 core"], ["1,024"], [""], ["vcpu"], [null], [true], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    "cpu %j is refused",
    (value) => {
      expect(parseTaskCpu(value)).toBeUndefined();
    },
  );

  it.each([
    ["512", 512],
    [512, 512],
    ["4096", 4096],
    ["2GB", 2048],
    ["2 GB", 2048],
    ["2 gb", 2048],
    [".5 gb", 512],
    ["0.5GB", 512],
    ["1 GiB", 1024],
    ["1024 MiB", 1024],
    ["1024MB", 1024],
  ])("memory %j = %d MiB", (value, mib) => {
    expect(parseTaskMemory(value)).toBe(mib);
  });

  it.each([["-512"], [-512], ["512.5"], ["2 TB"], ["2G"], ["two GB"], [""], [{}], [Number.NaN]])("memory %j is refused", (value) => {
    expect(parseTaskMemory(value)).toBeUndefined();
  });

  it("unwraps describe-task-definition output and recognises only task definitions", () => {
    const td = { family: "x", containerDefinitions: [] };
    expect(asTaskDefinition({ taskDefinition: td, tags: [] })).toBe(td);
    expect(asTaskDefinition(td)).toBe(td);
    expect(asTaskDefinition({ taskDefinition: { family: "x" } })).toBeUndefined();
    expect(asTaskDefinition([td])).toBeUndefined();
  });

  it("importTaskDefinition never throws on arbitrary values", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (cpu, memory, container) => {
        const r = importTaskDefinition({ family: "f", cpu, memory, containerDefinitions: [container] });
        if (!r.ok) {
          // A refusal that names what is wrong, never the catch-all an unforeseen exception falls into.
          expect(r.error.message).not.toBe("The task definition could not be read.");
          expect(r.error.message).toMatch(/cpu|memory|container|size|vCPU|GB/i);
        }
      }),
    );
  });
});
