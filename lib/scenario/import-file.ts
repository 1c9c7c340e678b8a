/**
 * Reads an uploaded file in chunks, reporting progress as it goes (a 5 MB CSV on a slow disk or phone takes a
 * moment), in the page or in a Web Worker.
 */
export async function readFileBytes(file: Blob, onProgress?: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const total = file.size;
  if (typeof file.stream !== "function") {
    const bytes = new Uint8Array(await file.arrayBuffer());
    onProgress?.(bytes.length, total);
    return bytes;
  }
  const out = new Uint8Array(total);
  const reader = file.stream().getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew while being read keeps what fits (the size limit was checked on `total`).
    const room = Math.min(value.length, total - loaded);
    out.set(value.subarray(0, room), loaded);
    loaded += room;
    onProgress?.(loaded, total);
  }
  return out.subarray(0, loaded);
}
