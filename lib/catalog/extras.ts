import extrasJson from "./data/extras.json";
import { embeddedCatalog } from "./embedded";
import { ExtrasCatalog } from "./extras-schema";

/**
 * The embedded "whole bill" price snapshot (public IPv4, ELB, NAT, CloudWatch Logs, data transfer, EFS, EKS, ECR),
 * validated once at load (by the build, in the bundled CLI). The browser imports this module lazily so the first page load stays small.
 */
export const extrasCatalog: ExtrasCatalog = embeddedCatalog(ExtrasCatalog, extrasJson);

export { ExtrasCatalog };
