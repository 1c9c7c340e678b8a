import { Calculator } from "@/components/calculator";
import { catalogRegions } from "@/lib/catalog";

export default function Home() {
  return <Calculator regions={catalogRegions()} />;
}
