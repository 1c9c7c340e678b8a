import { connection } from "next/server";
import { LazyCalculator } from "@/components/calculator-lazy";
import { catalogRegions } from "@/lib/catalog/fargate";

export default async function Home() {
  // Rendered per request so Next.js can put the CSP nonce from proxy.ts on its scripts.
  await connection();
  return <LazyCalculator regions={catalogRegions()} />;
}
