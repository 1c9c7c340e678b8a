/**
 * AmazonEC2 GetProducts items in the real shape: the m5.large us-east-1 fixture (2021-02) with its instance type,
 * region, SKU and on-demand price replaced, a regionCode added (items carry one since 2022) and the Reserved
 * terms dropped (the refresh reads OnDemand only). Specs (vcpu, memory) stay those of m5.large.
 */
import m5Large from "./ec2-getproducts-item-m5.large-us-east-1.json";

export interface Ec2ItemSpec {
  instanceType: string;
  regionCode: string;
  /** As published: "0.0960000000". */
  usd: string;
  sku?: string;
  /** Extra or replaced product attributes (locationType, marketoption, usagetype...). */
  attributes?: Record<string, string>;
  publicationDate?: string;
}

export function ec2Item({ instanceType, regionCode, usd, sku, attributes = {}, publicationDate = "2026-11-20T00:00:00Z" }: Ec2ItemSpec): Record<string, unknown> {
  const oldSku = m5Large.product.sku;
  const newSku = sku ?? `${regionCode}-${instanceType}`.toUpperCase();
  const [termKey, term] = Object.entries(m5Large.terms.OnDemand)[0]!;
  const [dimKey, dim] = Object.entries(term.priceDimensions)[0]!;
  return {
    product: {
      ...m5Large.product,
      attributes: {
        ...m5Large.product.attributes,
        instanceType,
        regionCode,
        usagetype: `BoxUsage:${instanceType}`,
        locationType: "AWS Region",
        marketoption: "OnDemand",
        ...attributes,
      },
      sku: newSku,
    },
    serviceCode: "AmazonEC2",
    terms: {
      OnDemand: {
        [termKey.replace(oldSku, newSku)]: {
          ...term,
          sku: newSku,
          priceDimensions: {
            [dimKey.replace(oldSku, newSku)]: {
              ...dim,
              rateCode: dimKey.replace(oldSku, newSku),
              description: `$${usd} per On Demand Linux ${instanceType} Instance Hour`,
              pricePerUnit: { USD: usd },
            },
          },
        },
      },
    },
    version: "20261120000000",
    publicationDate,
  };
}
