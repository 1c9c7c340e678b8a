import ec2Json from "./data/ec2.json";
import { embeddedCatalog } from "./embedded";
import { Ec2Catalog } from "./ec2-schema";

/** The embedded EC2 price snapshot (candidate instance types, Spot estimates, gp3 EBS), validated once at load (by the build, in the bundled CLI). */
export const ec2Catalog: Ec2Catalog = embeddedCatalog(Ec2Catalog, ec2Json);

export { Ec2Catalog };
