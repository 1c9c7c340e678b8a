/**
 * Attribution of the charges beside the Fargate meter (README, "Meet the real bill", Attribution). A row beside the
 * meter is linked to the Fargate services found only when the bill itself ties it to them:
 * - by resource id: its resource is a task or pod of a cluster that ran Fargate tasks (the ECS data-transfer and
 *   public IPv4 rows of a task carry the task ARN), or the EKS cluster whose Fargate pods were found;
 * - by tags: its aws:ecs:clusterName / aws:ecs:serviceName (CUR 2.0 resource_tags aws_ecs_clusterName, legacy CUR
 *   resourceTags/aws:ecs:clusterName, FOCUS Tags) or eks:cluster-name tags name a cluster (and, when a service tag is
 *   there, a service) that ran on Fargate in the same region: NAT gateways and load balancers link only this way.
 * Everything else is "account-wide, not attributed", per region; ECS/EKS-on-EC2 split rows get their own line.
 * Rows can come before the Fargate rows they link to, so rows are summed per link key and decided at the end.
 */
import { ZERO, type Decimal } from "@/lib/core";
import { ExactSum } from "./exact-sum";
import { PartsIndex } from "./parts-index";
import type { BesideFargate, BesideLine, DecimalString, LinkedLine } from "./types";

/** Split cost allocation rows of containers on EC2: "USE1-ECS-EC2-vCPU-Hours", "EKS-EC2-GB-Hours" (region prefix optional). */
const ON_EC2 = /^(?:[A-Z]{2,4}[0-9]{0,2}-)?((?:ECS|EKS)-EC2-.*)$/;

/** The ECS/EKS-on-EC2 usage type without its region prefix, or null when the usage type is not one. */
export function onEc2UsageType(rawUsageType: string): string | null {
  return ON_EC2.exec(rawUsageType)?.[1] ?? null;
}

/**
 * The key that ties a resource to its cluster: "arn:aws:ecs:us-east-1:123:task/shop" for a task ARN
 * (arn:aws:ecs:us-east-1:123:task/shop/id), "arn:aws:eks:us-east-1:123:pod/prod" for a pod ARN and for the EKS
 * cluster's own ARN (arn:aws:eks:us-east-1:123:cluster/prod); null for anything else. The partition, region and account
 * are kept, so two clusters of one name in two accounts or regions never meet.
 */
export function clusterKeyOf(resourceId: string): string | null {
  if (!resourceId.startsWith("arn:")) return null;
  // The ARN's ":"-parts (at least 6): the resource is what follows the fifth ":", in "/"-segments.
  const c2 = resourceId.indexOf(":", 4);
  const c3 = c2 < 0 ? -1 : resourceId.indexOf(":", c2 + 1);
  const c4 = c3 < 0 ? -1 : resourceId.indexOf(":", c3 + 1);
  const c5 = c4 < 0 ? -1 : resourceId.indexOf(":", c4 + 1);
  if (c5 < 0) return null;
  const first = resourceId.indexOf("/", c5 + 1);
  if (first < 0) return null;
  const second = resourceId.indexOf("/", first + 1);
  const kind = resourceId.slice(c5 + 1, first);
  if (second < 0) {
    // Two segments: an EKS cluster's own ARN links to its pods.
    const name = resourceId.slice(first + 1);
    return resourceId.slice(c2 + 1, c3) === "eks" && kind === "cluster" && name ? `${resourceId.slice(0, c5)}:pod/${name}` : null;
  }
  // A task or pod: kind/CLUSTER/id... (AWS's FOCUS sample is anonymized letter by letter, so the kind is not checked).
  return kind && second > first + 1 && !kind.includes(" ") ? resourceId.slice(0, second) : null;
}

const CLUSTER_TAG = /(^|[:_])(ecs[:_]cluster_?name|eks[:_]cluster[-_]?name)$/i;
const SERVICE_TAG = /(^|[:_])ecs[:_]service_?name$/i;

/** The cluster and service a tags cell names (FOCUS Tags / CUR 2.0 resource_tags JSON, or a Parquet map). */
export function linkTagsOf(value: unknown): { cluster?: string; service?: string } {
  let tags: unknown = value;
  if (typeof value === "string") {
    if (!/cluster|service/i.test(value)) return {};
    try {
      tags = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (tags instanceof Map) tags = Object.fromEntries(tags);
  if (Array.isArray(tags)) tags = Object.fromEntries(tags.map((e: { key?: unknown; value?: unknown }) => [String(e?.key), e?.value]));
  if (!tags || typeof tags !== "object") return {};
  const out: { cluster?: string; service?: string } = {};
  for (const [k, v] of Object.entries(tags)) {
    if (typeof v !== "string" || !v) continue;
    if (CLUSTER_TAG.test(k)) out.cluster = v;
    else if (SERVICE_TAG.test(k)) out.service = v;
  }
  return out;
}

/** One row beside the meter, with what could link it. */
export interface BesideRow {
  product: string;
  /** Without the region prefix (FOCUS without a usage-type column: the charge description). */
  usageType: string;
  /** As the bill writes it, to recognise ECS/EKS-on-EC2 split rows whatever their prefix. */
  rawUsageType: string;
  region: string;
  unit: string;
  quantity: Decimal;
  cost: Decimal;
  resourceId: string;
  tagCluster: string;
  tagService: string;
}

interface Sum extends Omit<BesideRow, "quantity" | "cost" | "resourceId" | "rawUsageType"> {
  clusterKey: string;
  onEc2: boolean;
  quantity: ExactSum;
  cost: ExactSum;
}

const OTHER = "(other)";
/** Bounds (README, Security): distinct link keys summed, Fargate clusters and services remembered. */
export const ATTRIBUTION_BOUNDS = { keys: 5_000, clusters: 20_000 } as const;
const K = "\u0000";
const SLASH = 47;

/** Streams the rows beside the meter and the Fargate rows' clusters/services, then splits the former (finish). */
export class Attribution {
  private sums = new Map<string, Sum>();
  /** The same sums by their key's parts (no key string per row). */
  private index = new PartsIndex<Sum>();
  /** Cluster keys (clusterKeyOf) of Fargate tasks and pods -> their platform and cluster name. */
  private fargateClusters = new Map<string, { platform: "ecs" | "eks"; cluster: string }>();
  /** region|cluster, region|cluster|service and region||service of Fargate groups (from tags and task ARNs). */
  private fargateNames = new Map<string, "ecs" | "eks">();
  private serviceCluster = new Map<string, string>();
  private overflow = false;
  /** The last resource's cluster key (fargateResource). */
  private lastResource: { key: string; platform: "ecs" | "eks"; cluster: string } | null = null;

  /**
   * A Fargate row's group and resource. Where two rows disagree (the same name on ECS and EKS), the smaller platform
   * and cluster name win, whatever the row order, as in the Athena SQL (./athena-sql.ts).
   */
  fargate(region: string, platform: "ecs" | "eks", cluster: string, service: string, resourceId: string): void {
    this.fargateResource(platform, cluster, resourceId);
    this.fargateGroup(region, platform, cluster, service);
  }

  /**
   * fargate() in two halves, for a reader that calls the group's half once per group (its names are the same on every
   * row of the group) and the resource's half on every row: the same state as fargate() on every row.
   */
  fargateResource(platform: "ecs" | "eks", cluster: string, resourceId: string): void {
    if (this.fargateNames.size >= ATTRIBUTION_BOUNDS.clusters * 3 || !resourceId) return;
    // The same cluster key, platform and cluster as the last call: nothing to change (a task ARN under the last key).
    const last = this.lastResource;
    if (
      last &&
      last.platform === platform &&
      last.cluster === cluster &&
      resourceId.length > last.key.length &&
      resourceId.charCodeAt(last.key.length) === SLASH &&
      // (a slice compared is faster than startsWith with V8)
      resourceId.slice(0, last.key.length) === last.key
    ) {
      return;
    }
    const key = clusterKeyOf(resourceId);
    if (!key) return;
    const had = this.fargateClusters.get(key);
    if (!had || platform < had.platform) this.fargateClusters.set(key, { platform, cluster });
    this.lastResource = { key, platform, cluster };
  }

  fargateGroup(region: string, platform: "ecs" | "eks", cluster: string, service: string): void {
    if (this.fargateNames.size >= ATTRIBUTION_BOUNDS.clusters * 3) return;
    const name = (k: string) => {
      const had = this.fargateNames.get(k);
      if (!had || platform < had) this.fargateNames.set(k, platform);
    };
    const known = cluster !== "(unknown)";
    const tagged = service !== "(untagged)";
    if (known) name(region + K + cluster);
    if (known && tagged) name(region + K + cluster + K + service);
    if (tagged) {
      name(region + K + K + service);
      const had = this.serviceCluster.get(region + K + service);
      if (known && (had === undefined || cluster < had)) this.serviceCluster.set(region + K + service, cluster);
    }
  }

  /** A row beside the meter. */
  beside(row: BesideRow): void {
    const onEc2Type = onEc2UsageType(row.rawUsageType);
    const usageType = onEc2Type ?? row.usageType;
    // On-EC2 rows and rows without any link evidence need no link key.
    const clusterKey = !onEc2Type && row.resourceId ? (clusterKeyOf(row.resourceId) ?? "") : "";
    const tagCluster = onEc2Type ? "" : row.tagCluster;
    const tagService = onEc2Type ? "" : row.tagService;
    let parts = [row.product, usageType, row.region, row.unit, clusterKey, tagCluster, tagService, onEc2Type ? "1" : ""];
    let s = this.index.get(parts);
    if (!s) {
      let key = parts.join(K);
      // Parts holding the separator can spell another sum's key (a damaged bill): that sum, as when keys were joined.
      s = key.split(K).length !== parts.length ? this.sums.get(key) : undefined;
      if (!s && this.sums.size >= ATTRIBUTION_BOUNDS.keys) {
        this.overflow = true;
        parts = [OTHER, OTHER, OTHER, "", "", "", "", ""];
        key = parts.join(K);
        s = this.sums.get(key);
      }
      if (!s) {
        const [product, ut, region, unit] = parts as [string, string, string, string];
        s = {
          product,
          usageType: ut,
          region,
          unit,
          clusterKey: parts[4]!,
          tagCluster: parts[5]!,
          tagService: parts[6]!,
          onEc2: !!parts[7],
          quantity: new ExactSum(),
          cost: new ExactSum(),
        };
        this.sums.set(key, s);
        this.index.set(parts, s);
      }
    }
    s.quantity.add(row.quantity);
    s.cost.add(row.cost);
  }

  /** Which Fargate cluster/service a sum is tied to, or null (account-wide). */
  private link(s: Sum): Pick<LinkedLine, "platform" | "cluster" | "service" | "by"> | null {
    const byArn = s.clusterKey ? this.fargateClusters.get(s.clusterKey) : undefined;
    if (byArn) {
      const service = s.tagService && this.fargateNames.has(s.region + K + byArn.cluster + K + s.tagService) ? s.tagService : null;
      return { platform: byArn.platform, cluster: byArn.cluster, service, by: "resource id" };
    }
    const r = s.region;
    if (s.tagCluster && s.tagService) {
      const platform = this.fargateNames.get(r + K + s.tagCluster + K + s.tagService);
      return platform ? { platform, cluster: s.tagCluster, service: s.tagService, by: "tags" } : null;
    }
    if (s.tagCluster) {
      const platform = this.fargateNames.get(r + K + s.tagCluster);
      return platform ? { platform, cluster: s.tagCluster, service: null, by: "tags" } : null;
    }
    if (s.tagService) {
      const platform = this.fargateNames.get(r + K + K + s.tagService);
      return platform ? { platform, cluster: this.serviceCluster.get(r + K + s.tagService) ?? "(unknown)", service: s.tagService, by: "tags" } : null;
    }
    return null;
  }

  /** The split; `note` receives sentences for the reconciliation's notes. */
  finish(note: (sentence: string) => void): BesideFargate {
    const linked = new Map<string, LinkedLine & { q: Decimal; c: Decimal }>();
    const wide = new Map<string, BesideLine & { q: Decimal; c: Decimal }>();
    const onEc2 = new Map<string, BesideLine & { q: Decimal; c: Decimal }>();
    const line = (s: Sum): BesideLine => ({ product: s.product, usageType: s.usageType, region: s.region, quantity: "0", unit: s.unit, cost: "0" });
    const add = <T extends BesideLine>(m: Map<string, T & { q: Decimal; c: Decimal }>, key: string, make: () => T, s: Sum) => {
      let x = m.get(key);
      if (!x) m.set(key, (x = { ...make(), q: ZERO, c: ZERO }));
      x.q = x.q.plus(s.quantity.value());
      x.c = x.c.plus(s.cost.value());
    };
    for (const s of this.sums.values()) {
      const base = [s.product, s.usageType, s.region, s.unit].join(K);
      if (s.onEc2) {
        add(onEc2, base, () => line(s), s);
        continue;
      }
      const l = this.link(s);
      if (l) add(linked, [l.platform, l.cluster, l.service ?? "", l.by, base].join(K), () => ({ ...line(s), ...l }), s);
      else add(wide, base, () => line(s), s);
    }
    const out = <T extends BesideLine>(x: T & { q: Decimal; c: Decimal }): T => {
      const { q, c, ...rest } = x;
      return { ...rest, quantity: q.toString(), cost: c.toString() } as unknown as T;
    };
    const total = (xs: Iterable<{ c: Decimal }>): DecimalString => {
      let t = ZERO;
      for (const x of xs) t = t.plus(x.c);
      return t.toString();
    };
    const byLine = (a: BesideLine, b: BesideLine) =>
      a.product.localeCompare(b.product) || a.usageType.localeCompare(b.usageType) || a.region.localeCompare(b.region);
    const linkedLines = [...linked.values()]
      .sort((a, b) => a.cluster.localeCompare(b.cluster) || (a.service ?? "").localeCompare(b.service ?? "") || byLine(a, b) || a.by.localeCompare(b.by))
      .map((x) => out<LinkedLine>(x));
    const regions = new Map<string, (BesideLine & { q: Decimal; c: Decimal })[]>();
    for (const x of wide.values()) {
      const list = regions.get(x.region);
      if (list) list.push(x);
      else regions.set(x.region, [x]);
    }
    const accountWide = [...regions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([region, xs]) => ({ region, lines: xs.sort(byLine).map((x) => out<BesideLine>(x)), total: total(xs) }));
    if (this.overflow) {
      note(
        `Beside the Fargate meter: more than ${ATTRIBUTION_BOUNDS.keys.toLocaleString("en-US")} distinct charges and links; the rest are summed as one account-wide "${OTHER}" line.`,
      );
    }
    return {
      linked: linkedLines,
      linkedTotal: total(linked.values()),
      accountWide,
      accountWideTotal: total(wide.values()),
      onEc2: { lines: [...onEc2.values()].sort(byLine).map((x) => out<BesideLine>(x)), total: total(onEc2.values()) },
    };
  }
}
