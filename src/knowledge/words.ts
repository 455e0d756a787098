/** Splits PascalCase entity names into words: "PartitionLog" -> "partition log". */
export const entityWords = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/**
 * What the input of a unit of work holds when the prompt names the unit ("a payment service" -> a payment's
 * input is its amount and currency), so a record's fields are said in the prompt's terms rather than as a
 * bare "input". Keyed by the prompt's noun (singular, lower case); one field phrase each.
 */
export const UNIT_INPUT: Readonly<Record<string, string>> = {
  payment: "amount and currency",
  charge: "amount and currency",
  refund: "amount and the charge it reverses",
  payout: "amount and the destination account",
  transfer: "amount and both accounts",
  order: "items and the amount",
  booking: "item and the time slot",
  email: "recipient and the message",
  notification: "recipient and the message",
  delivery: "contents and the destination",
};
