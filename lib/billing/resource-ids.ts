/**
 * The resource IDs (task and pod ARNs) a bill's groups have seen, kept outside V8's heap (issue 20 item 5): one entry
 * per (group, resource ID), its characters in one growing byte arena and its place in an open-addressing table of
 * plain integers. Up to 200,000 task ARNs of about 90 characters were as many strings on the heap, plus a Set entry and
 * a Map entry each: some 45 MB that the garbage collector traced on every full collection and that V8 let the heap grow
 * to three or four times. Here they are some 25 MB of typed arrays, and the strings read from each row die young.
 *
 * Exact, never approximate: an entry is found only when its group and every character match. The table's hash reads a
 * sample of each ID (its length, its first 8 and last 32 characters: where ARNs differ), which cannot be tricked into
 * being wrong, only slow: when a probe runs past MAX_PROBE slots (IDs made alike where the hash does not look), the
 * entries move to a JavaScript Map (whose string hash is seeded per process) and stay there. IDs with a character past
 * U+00FF (no AWS ID has one) are kept in a small Map beside the table.
 */

const MAX_PROBE = 64;

export class ResourceIds {
  private chars = new Uint8Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private groups = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** Per entry, for the caller (./accumulate.ts: its profiler task, or -2 not asked, -1 refused). */
  task = new Int32Array(1024);
  /**
   * Two integers a slot: entry + 1 (0: empty) and the entry's hash, so a probe reads one place of memory until a hash
   * matches; capacity (slots) a power of two, at most half full.
   */
  private slots = new Int32Array(2 * 2048);
  private count = 0;
  /** IDs with a character past U+00FF, by group + U+0000 + ID. */
  private wide = new Map<string, number>();
  /** Every entry, by group + U+0000 + ID, once a probe ran too long (null until then). */
  private map: Map<string, number> | null = null;

  /** Entries made. */
  get size(): number {
    return this.count;
  }

  /** The entry of (group, id), or -1. */
  find(group: number, id: string): number {
    if (this.map) return this.map.get(group + "\u0000" + id) ?? -1;
    if (this.wide.size) {
      const e = this.wide.get(group + "\u0000" + id);
      if (e !== undefined) return e;
    }
    const h = hashOf(group, id);
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = h & mask, probe = 0; ; i = (i + 1) & mask, probe++) {
      const s = slots[2 * i]!;
      if (s === 0 || probe > MAX_PROBE) return -1;
      if (slots[2 * i + 1] === h) {
        const e = s - 1;
        if (this.groups[e] === group && this.same(e, id)) return e;
      }
    }
  }

  /** Makes the entry of (group, id), which find() did not find; its task is -2. */
  add(group: number, id: string): number {
    const e = this.count++;
    if (e >= this.task.length) this.grow();
    this.groups[e] = group;
    this.lengths[e] = id.length;
    this.task[e] = -2;
    if (this.map) {
      this.store(e, id);
      this.map.set(group + "\u0000" + id, e);
      return e;
    }
    if (!this.store(e, id)) {
      this.wide.set(group + "\u0000" + id, e);
      return e;
    }
    const h = hashOf(group, id);
    this.hashes[e] = h;
    if (2 * this.count > this.slots.length >> 1) this.rehash(this.slots.length);
    else if (!this.place(e, h)) this.toMap();
    return e;
  }

  /** Copies id's characters into the arena (false, and nothing kept, when one is past U+00FF). */
  private store(e: number, id: string): boolean {
    const n = id.length;
    if (this.used + n > this.chars.length) {
      const grown = new Uint8Array(Math.max(this.chars.length * 2, this.used + n));
      grown.set(this.chars.subarray(0, this.used));
      this.chars = grown;
    }
    const at = this.used;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      if (c > 255) {
        this.starts[e] = -1;
        return false;
      }
      this.chars[at + i] = c;
    }
    this.starts[e] = at;
    this.used += n;
    return true;
  }

  private same(e: number, id: string): boolean {
    const n = id.length;
    if (this.lengths[e] !== n) return false;
    const at = this.starts[e]!;
    const chars = this.chars;
    // The end first: where IDs differ.
    for (let i = n - 1; i >= 0; i--) if (chars[at + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  /** Puts entry e in its slot; false when the probe runs past MAX_PROBE. */
  private place(e: number, h: number): boolean {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let i = h & mask, probe = 0; probe <= MAX_PROBE; i = (i + 1) & mask, probe++) {
      if (slots[2 * i] === 0) {
        slots[2 * i] = e + 1;
        slots[2 * i + 1] = h;
        return true;
      }
    }
    return false;
  }

  /** A table of `capacity` slots with every entry placed again. */
  private rehash(capacity: number) {
    this.slots = new Int32Array(2 * capacity);
    for (let e = 0; e < this.count; e++) {
      if (this.starts[e]! < 0) continue; // a wide ID, in its Map
      if (!this.place(e, this.hashes[e]!)) return this.toMap();
    }
  }

  /** Every entry into a Map, for good: a probe ran too long. */
  private toMap() {
    const map = new Map<string, number>(this.wide);
    for (let e = 0; e < this.count; e++) {
      const at = this.starts[e]!;
      if (at >= 0) map.set(this.groups[e] + "\u0000" + latin1(this.chars, at, at + this.lengths[e]!), e);
    }
    this.map = map;
    this.slots = new Int32Array(0);
  }

  private grow() {
    const n = this.task.length * 2;
    const more = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.starts = more(this.starts);
    this.lengths = more(this.lengths);
    this.groups = more(this.groups);
    this.hashes = more(this.hashes);
    this.task = more(this.task);
  }
}

/** The sampled hash: group, length, the first 8 and the last 32 characters (FNV-1a steps, then a final mix). */
function hashOf(group: number, id: string): number {
  const n = id.length;
  let h = Math.imul(0x811c9dc5 ^ group, 0x01000193) ^ n;
  const head = n < 8 ? n : 8;
  for (let i = 0; i < head; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  for (let i = n > 40 ? n - 32 : head; i < n; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h;
}

/** Bytes as the characters U+0000-U+00FF they were stored from (in pieces: fromCharCode takes a bounded argument list). */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  let out = "";
  for (let at = start; at < end; at += 8192) out += String.fromCharCode(...bytes.subarray(at, Math.min(end, at + 8192)));
  return out;
}
