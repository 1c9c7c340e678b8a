import type { ExtrasCatalog } from "@/lib/catalog";
import { extrasCatalog } from "@/lib/catalog/extras";

/**
 * The whole-bill price catalog (public IPv4, load balancers, NAT, logs, data transfer, EFS, EKS, ECR). It comes with
 * the calculator's code, which loads after the first paint (components/calculator-lazy.tsx, a step of its own in
 * components/calculator-steps.ts), so the first-load JavaScript does not grow. Loaded apart after the calculator had
 * rendered, it arrived a second render later, and the cluster worker priced the scenario twice before the form was
 * ready (issue 24 item 7). The EC2 prices (instance types x regions) are the cluster worker's (lib/results
 * clustersInBackground): the page itself never loads them, unless workers are unavailable.
 */
export function useLazyCatalogs(): { extrasCatalog: ExtrasCatalog | null } {
  return { extrasCatalog };
}
