/**
 * Own-property lookup for records keyed by user input (regions, instance types, Savings Plan terms, …):
 * `record["constructor"]` or `record["__proto__"]` would find an inherited property of Object.prototype.
 */
export function own<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** True when `key` is an own property of `record` (never an inherited one such as "toString"). */
export function hasOwn(record: object | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}
