import type { FargateEstimate } from "@/lib/pricing";

export function CatalogInfo({
  catalog,
  extra,
}: {
  catalog: FargateEstimate["catalog"];
  extra?: { key: string; source: string; publishedAt: string; estimate: boolean }[];
}) {
  // Each source once (the EC2 and Managed Instances sides share the EC2 prices).
  const seen = new Set<string>();
  const sources = [...catalog.sources, ...(extra ?? [])].filter((s) => !seen.has(s.key) && Boolean(seen.add(s.key)));
  return (
    <section aria-labelledby="prices-heading" className="text-xs text-slate-600 dark:text-slate-400" data-testid="catalog-info">
      <h2 id="prices-heading" className="font-semibold text-slate-800 dark:text-slate-200">
        Where the prices come from
      </h2>
      <p>
        {catalog.regionName} ({catalog.region}). Embedded snapshot: {catalog.source}, published {catalog.publishedAt}.
      </p>
      <ul className="mt-1 list-disc pl-5">
        {sources.map((s) => (
          <li key={s.key} className="break-words">
            {s.source} ({s.publishedAt}){s.estimate ? " — estimate" : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
