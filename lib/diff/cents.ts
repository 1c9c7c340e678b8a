import { dec, sum, type Decimal } from "@/lib/pricing/money";

const CENT = dec("0.01");

/**
 * Rounds parts to whole cents so that the rounded parts add up to `total` rounded to cents (half-up), by the
 * largest-remainder method: each part is first rounded down, then the cents still missing go to the parts that
 * lost the most (ties: the earlier part). So a table of rounded rows always sums to the rounded total it shows,
 * and no row moves by more than a cent from its exact value. `total` defaults to the exact sum of the parts;
 * pass it when the parts are themselves an allocation of a larger total. Parts must be non-negative.
 */
export function allocateCents(parts: readonly Decimal[], total: Decimal = sum(parts)): Decimal[] {
  const target = total.round(2, 1 /* half-up */);
  const floors = parts.map((p) => p.round(2, 0 /* down */));
  let missing = target.minus(sum(floors)).div(CENT).toNumber();
  const order = parts.map((p, i) => ({ i, rest: p.minus(floors[i]!) })).sort((a, b) => b.rest.cmp(a.rest) || a.i - b.i);
  const out = floors.slice();
  // Normally 0 <= missing < parts.length; a parent allocation can move the target by a cent either way.
  for (let k = 0; missing > 0 && order.length; k = (k + 1) % order.length, missing--) out[order[k]!.i] = out[order[k]!.i]!.plus(CENT);
  for (let k = order.length - 1; missing < 0 && k >= 0; k--) {
    const i = order[k]!.i;
    if (out[i]!.gte(CENT)) {
      out[i] = out[i]!.minus(CENT);
      missing++;
    }
  }
  return out;
}
