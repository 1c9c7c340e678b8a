/**
 * Moves focus (and the view) to a part of the page: the skip links, the "Next steps" navigation and the headline's
 * "add load balancers, NAT, logs…" use it. By script, not by URL hash: the page's hash holds share links.
 * `open`: the target is a <details>' summary, unfolded on the way (its toggle event tells the component).
 */
const FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]";

export function goTo(selector: string, { open = false }: { open?: boolean } = {}) {
  const target = document.querySelector<HTMLElement>(selector);
  if (!target) return later(selector, open);
  if (open) {
    const details = target.closest("details");
    if (details && !details.open) details.open = true;
  }
  if (!target.matches(FOCUSABLE)) target.setAttribute("tabindex", "-1");
  // A visually hidden heading has no box to scroll to: bring its section into view.
  (target.classList.contains("sr-only") ? target.parentElement : target)?.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
}

/**
 * A part not on the page yet (the bill panel's code still loading just after the first load): the move happens when
 * it appears (within 10 s), unless focus went somewhere else meanwhile (a person who moved on keeps their place).
 */
function later(selector: string, open: boolean) {
  const from = document.activeElement;
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    stop();
    if (document.activeElement === from || document.activeElement === document.body) goTo(selector, { open });
  });
  const timer = window.setTimeout(() => stop(), 10_000);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
}

/** Where each part of the page is reached: its focusable start. */
export const PLACES = {
  workloads: '[data-testid="workload-0"] input',
  services: '[data-testid="services-section"] > summary',
  results: "#results-heading",
  bill: "#bill-heading",
  rightsizing: '[data-testid="rightsizing"] > summary',
  saved: '[data-testid="saved-scenarios"] > summary',
} as const;
