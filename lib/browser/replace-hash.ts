/**
 * Replaces the address bar's fragment (the share link) without a history entry and without telling the Next.js
 * router. Next wraps `history.replaceState` to sync its router with the URL: a re-render of the router and a second
 * write of the same (long) URL from its history updater, ~25-30 ms each at 500 workloads on this machine, after every
 * keystroke. A fragment is not routing state: the native method is called with the entry's current state (which
 * holds Next's own tree), so Back, Forward and a reload behave as before.
 */
export function replaceHash(hash: string): void {
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  History.prototype.replaceState.call(window.history, window.history.state, "", url);
}
