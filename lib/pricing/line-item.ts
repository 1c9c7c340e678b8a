import { rate, type Decimal } from "@/lib/core";
import type { LineItem } from "./types";

/**
 * The one line-item constructor for Fargate, EC2 and the extras: a quantity at a published rate,
 * monthlyCost = quantity x rate, exact. The rate string is kept as published (unitPrice) and parsed once
 * (money.rate caches it), so what a line shows is what it costs and what the EC2 ranking and totals add up.
 */
export function lineItem(
  name: string,
  unit: string,
  quantity: Decimal,
  unitPrice: string,
  component: LineItem["component"],
  purchase: LineItem["purchase"],
  priceSource: string,
): LineItem {
  return lineItemAt(name, unit, quantity, unitPrice, rate(unitPrice), component, purchase, priceSource);
}

/** lineItem with the rate already parsed (`price` is rate(unitPrice): a meter parses its rates once). */
export function lineItemAt(
  name: string,
  unit: string,
  quantity: Decimal,
  unitPrice: string,
  price: Decimal,
  component: LineItem["component"],
  purchase: LineItem["purchase"],
  priceSource: string,
): LineItem {
  // The key order is the JSON contract (CLI, API): name, unit, quantity, unitPrice, monthlyCost, component, purchase, priceSource.
  return { name, unit, quantity, unitPrice, monthlyCost: quantity.times(price), component, purchase, priceSource };
}
