/**
 * Documented limits on how much state a product holds, so a product is never offered for more state than its own
 * documentation says it takes (no etcd for a hundred gigabytes of object metadata). Each limit says where it comes from.
 */
export interface StateLimit {
  /** Matched case-insensitively as a whole word of a technology row's product name. */
  product: string;
  /** The most state, in bytes, the product's documentation suggests it hold. */
  bytes: number;
  /** The limit in our own words. */
  what: string;
  /** Where the limit is documented. */
  source: string;
}

export const STATE_LIMITS: readonly StateLimit[] = [
  {
    product: "etcd",
    bytes: 8 * 2 ** 30,
    what: "etcd's storage quota is 2 GiB by default and 8 GiB is its suggested maximum (it warns at start-up above that)",
    source: "etcd documentation, dev-guide 'System limits' (--quota-backend-bytes)",
  },
];

/** The documented state limit of a product, if one is known (the product's name as a whole word). */
export function stateLimitOf(product: string): StateLimit | undefined {
  return STATE_LIMITS.find((l) => new RegExp(`\\b${l.product}\\b`, "i").test(product));
}
