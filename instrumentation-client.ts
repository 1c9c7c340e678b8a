import { loadCalculator } from "@/components/calculator-code";

// Runs as the page's scripts start, before hydration (Next.js instrumentation-client): the calculator's code starts
// loading now, not when hydration reaches it (components/calculator-code.ts). In a task of its own: adding its
// scripts to the page is not work for the framework's first task, already the page's longest. The home page is the
// only page.
if (window.location.pathname === "/") setTimeout(() => void loadCalculator(), 0);
