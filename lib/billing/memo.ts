/**
 * A bounded memo for the pure per-cell work of reading a bill (a timestamp's milliseconds, a tags cell's service, a
 * number cell's Decimal): bills repeat the same few hundred texts on every row (the hour, the rate, the tags of a
 * service), so each is worked out once. At most `limit` entries, keys of at most `maxKeyChars` characters (a longer
 * key is worked out every time, so the memo stays small); when full it starts again empty.
 */
export class Memo<K extends string | number, V> {
  private readonly map = new Map<K, V>();

  constructor(
    private readonly limit = 4096,
    private readonly maxKeyChars = 512,
  ) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): V {
    if (typeof key === "string" && key.length > this.maxKeyChars) return value;
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
