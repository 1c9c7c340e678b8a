import { fargateCatalog } from "@/lib/catalog/fargate";

/**
 * Liveness for the Docker HEALTHCHECK and load balancers: 200 when the server answers and its price snapshot loaded.
 * Touches no AWS API, so it is cheap and never rate limited.
 */
export const dynamic = "force-dynamic";

export function GET() {
  const prices = fargateCatalog.provenance["fargate-on-demand"];
  return Response.json({ status: "ok", pricesPublishedAt: prices?.publishedAt ?? null }, { headers: { "Cache-Control": "no-store" } });
}
