/**
 * Whether two chart inputs hold the same data: each prop the same value, where an array prop counts as the same when
 * its elements are, compared one level deep (chart rows are flat records of numbers and strings). A new view is built
 * on each change; this lets a chart whose data did not change skip re-rendering (recharts re-renders in
 * uninterruptible store updates). Pure.
 */
export function sameChartProps(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && sameValue(a[k], b[k]));
}

function sameValue(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => Object.is(v, y[i]) || sameFlat(v, y[i]));
  return false;
}

function sameFlat(x: unknown, y: unknown): boolean {
  if (typeof x !== "object" || typeof y !== "object" || x === null || y === null || Array.isArray(x) !== Array.isArray(y)) return false;
  const ka = Object.keys(x);
  if (ka.length !== Object.keys(y).length) return false;
  return ka.every((k) => Object.hasOwn(y, k) && Object.is((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
}
