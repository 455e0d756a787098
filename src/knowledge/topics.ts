/**
 * Subject matters a card keeps rows for that only some designs of its archetype are about. A workflow with
 * an external effect may move money (a payment, a refund) or may not (a webhook, an email): the ledger and
 * card-capture rows belong to the first only. A card marks such an entity or failure row with its topic; the
 * design keeps the entity's paths only when the prompt speaks of the topic, and the topic's failure rows only
 * when the design then writes one of its entities.
 */
export const TOPIC_VALUES = ["money"] as const;
export type Topic = (typeof TOPIC_VALUES)[number];

export const TOPICS: Readonly<Record<Topic, { words: RegExp; meaning: string }>> = {
  money: {
    words:
      /\b(?:pay(?:s|ing|ment|ments|out|outs|roll)?|paid|charg(?:e|es|ed|ing)|refund\w*|money|ledgers?|billing|bills?|invoic\w*|wallets?|balances?|banks?|banking|stripe|checkout|funds?|currenc(?:y|ies)|debits?|credits?|settlements?|remittances?)\b/i,
    meaning: "money moves: a payment, charge, refund, payout, transfer or ledger",
  },
};

/** The topics a prompt does not speak of, in table order. */
export const topicsNotSpoken = (prompt: string): Topic[] => TOPIC_VALUES.filter((t) => !TOPICS[t].words.test(prompt));
