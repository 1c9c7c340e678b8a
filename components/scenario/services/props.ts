import type { ServiceHints } from "@/lib/results";
import type { DraftServices } from "@/lib/scenario";

/** The price hint of one kind of service in this region ("Loading prices…" until the prices arrive). */
export type ServiceHint = (key: keyof ServiceHints) => string;

/** What each group of the services section reads: the draft's services, the schema's messages and the price hints. */
export interface ServiceGroupProps {
  /** Numeric fields may hold raw typed text; the schema reports it on the field. */
  services: DraftServices;
  /** The schema's message for a scenario path ("services.natGateways.count"), if any. */
  problem: (path: string) => string | undefined;
  hint: ServiceHint;
}
