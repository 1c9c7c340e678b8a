import { MAX_ENTRY_CHARS, type NotStored } from "@/lib/store";

/** Why a scenario is not kept in this browser, in one sentence (where a link opens, and above Saved scenarios). */
export function notStoredSentence(name: string, n: NotStored): string {
  return n.reason === "too-large"
    ? `“${name}” is too large to keep in this browser (${n.chars.toLocaleString("en-US")} characters; at most ${MAX_ENTRY_CHARS.toLocaleString("en-US")}), so it is not saved: it stays on screen and in its share link, and your other saved scenarios are kept.`
    : `“${name}” could not be saved: this browser's storage is full. It stays on screen and in its share link, and your other saved scenarios are kept; delete one you no longer need to make room.`;
}
