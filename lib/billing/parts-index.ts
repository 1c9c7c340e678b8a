/**
 * Nested maps from a key's parts to its entry: a row's parts are looked up one by one (each a string a bill repeats,
 * hashed once) instead of joining them into a new key string per row.
 */
export class PartsIndex<V> {
  private root = new Map<string, unknown>();
  get(parts: readonly string[]): V | undefined {
    let m: unknown = this.root;
    for (const p of parts) {
      m = (m as Map<string, unknown>).get(p);
      if (m === undefined) return undefined;
    }
    return m as V;
  }
  set(parts: readonly string[], value: V): void {
    let m = this.root;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = m.get(parts[i]!) as Map<string, unknown> | undefined;
      if (!next) m.set(parts[i]!, (next = new Map()));
      m = next;
    }
    m.set(parts[parts.length - 1]!, value);
  }
}
