/**
 * What kind of goods a sale holds for a buyer while they pay, read from the prompt's words, so the stock feature and the
 * booking feature never both become the authority over the same goods:
 * - distinct items, each its own row with its own state (a seat, a room, a table, a time slot, an appointment, a parking
 *   spot): a hold claims that one item, so two buyers collide only on the same item (features/booking.ts);
 * - counted goods, interchangeable units of an item kept as a quantity per place (a store's stock, a warehouse's
 *   inventory, "never sell more of an item than a store has"): a reservation takes n units from the item's count by a
 *   conditional decrement, so every buyer of the item meets on that one count (features/stock.ts).
 * A feature's `supersedes` entries read these (`when`, `unless`): stock replaces the booking hold unless distinct items
 * are named; the booking hold replaces stock where distinct items are named and no counted goods are.
 */

/** Distinct items a hold claims one by one (never "item" or "ticket" alone: those are counted as often as not). */
export const DISTINCT_ITEM_WORDS = String.raw`\b(?:seats?|seat maps?|seating|(?:hotel |guest )?rooms?|room[- ]nights?|tables?|(?:time |appointment |delivery |pickup |booking )?slots?|appointments?|parking (?:spots?|spaces?|bays?)|(?:a |the )spot|desks?|berths?|cabins?|courts?|showtimes?)\b`;

/** Counted goods: a quantity of an item kept per place, and a rule that sells no more of it than there is. */
export const COUNTED_GOODS_WORDS = String.raw`\b(?:stock(?! (?:trading|exchanges?|market|markets|prices?|quotes?|tickers?|brokers?|brokerage|options|portfolios?|splits?|symbols?))|in[- ]stock|out[- ]of[- ]stock|inventory|inventories|skus?|units?|quantit(?:y|ies)|sell(?:s|ing)? more (?:\w+ ){0,4}than|(?:pairs|boxes|bottles|cans|packs|cases|bags|kilos|pounds) of)\b`;
