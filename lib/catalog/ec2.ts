import ec2Json from "./data/ec2.json";
import { Ec2Catalog } from "./ec2-schema";

/** The embedded EC2 price snapshot (candidate instance types, Spot estimates, gp3 EBS), validated once at load. */
export const ec2Catalog: Ec2Catalog = Ec2Catalog.parse(ec2Json);

export { Ec2Catalog };
