/**
 * Calls `onChange(true | false)` as `el` comes within `marginPx` of the viewport (above or below) or leaves it;
 * where there is no IntersectionObserver, once with true (always near). Returns a function that stops watching.
 */
export function watchNearViewport(el: Element, onChange: (near: boolean) => void, marginPx: number): () => void {
  if (typeof IntersectionObserver === "undefined") {
    onChange(true);
    return () => {};
  }
  const io = new IntersectionObserver(
    (entries) => {
      const last = entries[entries.length - 1];
      if (last) onChange(last.isIntersecting);
    },
    { rootMargin: `${marginPx}px 0px` },
  );
  io.observe(el);
  return () => io.disconnect();
}
