import { fig, inp, LOCK_WORDS } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { STAY_PROTOCOLS } from "./protocols.js";

export const STAY: FeatureEntry = {
  id: "stay",
  name: "Room-night reservations over a date range",
  summary:
    "A guest reserves a room type at a property for a range of nights. Inventory is counted per (property, room type, night); a reservation decrements every night of the stay in one transaction, only while each night's booked count stays within its total, so no night is oversold and a stay is never half booked. Search reads a cached availability projection; the count at the inventory store decides.",
  signals: [
    "hotel",
    "hotel reservation",
    "hotel booking",
    "book a room",
    "room booking",
    "vacation rental",
    "holiday rental",
    "check-in and check-out dates",
    "room nights",
  ],
  supersedes: [
    {
      id: "booking",
      because: "a stay's nights are counted per room type and night, which a seat hold on one item is not",
    },
    {
      id: "checkout",
      because:
        "its confirm charges the guest once, keyed by the request id, so a checkout beside it would charge the same stay a second time",
    },
  ],
  realizes: [
    {
      id: "I02",
      entity: "RoomInventory",
      demand: "no night of a {room} type is ever booked beyond its count",
      why: "no double booking is a counted rule on each (property, room type, night) row, booked ≤ total, kept by one transaction over every night of the stay in the inventory database; an unpaid reservation's hold is that row's count plus a payment deadline the sweeper enforces, so no lease service is needed",
      instead: "lock service",
      unless: LOCK_WORDS,
    },
  ],
  terms: { property: "hotel", room: "room", reservation: "reservation" },
  actions: [
    {
      action: "search for a {property} with free {rooms} on the chosen dates",
      shape: "read projection",
      entity: "RoomAvailability",
      critical: false,
      substrate: "I06",
    },
    {
      action: "reserve a {room} for a range of nights",
      shape: "state transition",
      entity: "RoomInventory",
      critical: true,
      substrate: "I16",
    },
    {
      action: "pay for the {reservation} and confirm it",
      shape: "state transition",
      entity: "{Reservation}",
      critical: true,
      substrate: "I12",
    },
    {
      action: "cancel a {reservation} and return its nights",
      shape: "state transition",
      entity: "{Reservation}",
      critical: false,
      substrate: "I12",
    },
    {
      // the same rooms sold on partner sites: a partner's sale is the same conditional decrement, asked of us before
      // the partner confirms it, deduplicated by the partner's own booking id
      action: "take a partner site's booking of a {room} for a range of nights",
      shape: "state transition",
      entity: "RoomInventory",
      critical: true,
      substrate: "I16",
      topic: "partner-channels",
    },
    {
      action: "push free rooms and rates to the partner sites after every count change",
      shape: "async process",
      entity: "RoomAvailability",
      critical: false,
      hidden: true,
      substrate: "I06",
      topic: "partner-channels",
    },
    {
      action: "set room counts and nightly rates for a {property}",
      shape: "overwrite current value",
      entity: "RoomInventory",
      critical: false,
      substrate: "I16",
    },
    {
      action: "return the nights of {reservations} left unpaid past their deadline",
      shape: "async process",
      entity: "RoomInventory",
      critical: false,
      hidden: true,
      substrate: "I03",
    },
  ],
  entities: [
    { name: "{Property}", description: "a hotel or rental with its location, room types and policies" },
    {
      name: "RoomInventory",
      description: "(property, room type, night) -> total rooms, booked rooms, rate, version",
    },
    { name: "{Reservation}", description: "guest, property, room type, check-in, check-out, price, payment, state" },
    { name: "RoomAvailability", description: "the derived per-property, per-date free counts that search reads" },
    {
      name: "PartnerReservation",
      description:
        "(partner, partner booking id) -> the reservation it made, so a partner's repeat books nothing twice",
      topic: "partner-channels",
    },
  ],
  nfrs: [
    "no night of a {room} type is sold beyond its count (plus any overbooking margin the {property} sets)",
    "a stay is booked for all its nights or none",
    "search results may be a little stale; the count is checked at the inventory store when the guest reserves",
  ],
  substrates: [
    {
      id: "I16",
      role: "substrate",
      why: "each (property, room type, night) count is a versioned record changed by conditional writes",
    },
    {
      id: "I12",
      role: "output",
      why: "payment and cancellation refunds are external side effects",
      party: "payment-provider",
    },
    { id: "I06", role: "output", why: "availability for search is a projection of the inventory" },
    { id: "I03", role: "decorator", why: "unpaid reservations give their nights back at a deadline" },
    {
      id: "I02",
      role: "decorator",
      why: "an unpaid reservation holds its nights like a lease that lapses at the payment deadline",
    },
  ],
  capacity: {
    inputs: [
      inp("properties", 1e6, "hotels and rentals listed"),
      inp("room_types_per_property", 5, "a handful of room types per property"),
      inp("nights_ahead", 365, "nights open for sale, about a year ahead"),
      {
        quantity: "reservations_per_property_per_day",
        label: "reservations one listed property takes a day",
        unit: "reservations/day",
        typical: 20,
        why: "a hotel of about a hundred rooms, mostly full, with stays of a few nights, checks in some twenty bookings a day (a planning figure; a single rental takes far fewer)",
      },
      {
        quantity: "reservations_per_day",
        typical: 1.5e6,
        why: "reservations made a day on a large booking site",
        from: [
          {
            expression: "properties * reservations_per_property_per_day",
            why: "each stated property takes reservations at the usual rate",
          },
          {
            expression: "bookings_per_sec * 86400 / peak_factor",
            why: "the stated reservation rate is the busy hour's; a day averages the peak factor below it",
          },
        ],
      },
      inp("nights_per_stay", 3, "a typical stay is a few nights"),
      inp("searches_per_reservation", 100, "guests search and compare far more than they book"),
    ],
    figures: [
      fig(
        "inventory_rows",
        "inventory rows (property, room type, night)",
        "count",
        "properties * room_types_per_property * nights_ahead",
        "rows",
      ),
      fig("reservations_per_sec", "reservations per second", "rate", "reservations_per_day / 86400", "writes/s"),
      fig(
        "inventory_writes_per_sec",
        "inventory rows changed per second at peak",
        "peak",
        "reservations_per_sec * nights_per_stay * peak_factor",
        "writes/s",
      ),
      fig(
        "availability_searches_per_sec",
        "availability searches per second at peak",
        "peak",
        "reservations_per_sec * searches_per_reservation * peak_factor",
        "req/s",
      ),
      // the rates the substrates read, from the reservations computed here rather than their cards' typical loads:
      // the inventory store takes one conditional decrement of each night's row per reservation, and each
      // reservation starts one payment workflow
      fig(
        "requests_per_sec",
        "inventory store requests per second (one conditional decrement of each night's row per reservation)",
        "rate",
        "reservations_per_sec * nights_per_stay",
        "req/s",
      ),
      fig(
        "workflows_per_sec",
        "payment workflows started per second, one per reservation",
        "rate",
        "reservations_per_sec",
        "workflows/s",
      ),
    ],
  },
  hotspot: {
    figure: "availability_searches_per_sec",
    bottleneck:
      "Availability search: guests compare many dates and {property} listings for every {reservation} they make, far more reads than the inventory rows take writes",
    mitigation:
      "serve search from an availability projection refreshed from inventory changes and cached for seconds per city and date range, and check the count at the inventory store only when the guest reserves",
  },
  decisions: [
    {
      id: "stay-inventory-model",
      question: "Count rooms per (property, room type, night), or assign a physical room when the guest books?",
      options: [
        {
          id: "counted",
          name: "counted inventory per room type and night; rooms are assigned at check-in",
          buys: "a reservation is a conditional decrement of a few counters; the hotel keeps freedom to place guests",
          costs: "a guest cannot pick an exact room in advance",
          winsWhen: "rooms of one type are interchangeable (most hotels)",
        },
        {
          id: "physical",
          name: "a row per physical room and night, claimed at booking",
          buys: "the guest books a specific room or unit",
          costs: "gaps between stays fragment inventory, and search must find one room free on every night",
          winsWhen: "each unit is unique (holiday rentals, where the count is one)",
          // the prompt rents units that are each unique
          wins: [
            {
              words: String.raw`\b(?:holiday|vacation) (?:rentals?|homes?|lets?)\b|\bunique (?:units?|listings?|homes?)\b|\beach (?:listing|home|flat|apartment|cabin|unit) is unique\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: { option: "counted", because: "rooms of one type are interchangeable, so counting them is enough" },
    },
    {
      id: "stay-channels",
      topic: "partner-channels",
      question:
        "Let partner sites book through our reservation API, give each partner an allotment of rooms to sell itself, or let partners sell from pushed availability and send bookings after?",
      options: [
        {
          id: "partner-api",
          name: "partners book through our reservation API: each partner sale is the same conditional decrement, made before the partner confirms",
          buys: "one inventory authority for every channel, so a night is never sold twice however many partners sell it",
          costs:
            "every partner sale waits on our API and is refused when the night just went; our API's availability is now the partners' too",
          winsWhen: "a night must never be sold twice across channels",
        },
        {
          id: "allotments",
          name: "an allotment per partner and night, which the partner sells on its own and releases back before a cut-off",
          buys: "partners sell without calling us, and no night is sold twice",
          costs:
            "a room held in one partner's allotment cannot be sold elsewhere until it is released, so rooms go unsold",
          winsWhen: "partners cannot call a booking API at sale time",
        },
        {
          id: "free-sale",
          name: "partners sell from the free counts pushed to them and send their bookings afterwards",
          buys: "the simplest integration: partners never wait on us",
          costs:
            "two channels can sell the last room in the window between a sale and the next push, so the hotel walks a guest",
          winsWhen: "the hotel accepts an overbooking margin and rebooks walked guests",
          wins: [{ words: String.raw`\boverbook(?:s|ed|ing)?\b` }],
        },
      ],
      rules: [
        {
          when: [
            {
              words: String.raw`\b(?:never|not|no)\b[^.;]{0,60}\b(?:sold|booked|double[- ]book\w*)\s+twice\b|\bnever\b[^.;]{0,40}\bdouble[- ]?(?:book|sell|sold)\w*`,
            },
          ],
          option: "partner-api",
          because:
            "the prompt says a night is never sold twice, which only one authority deciding every channel's sale keeps",
        },
      ],
      fallback: {
        option: "partner-api",
        because: "one inventory authority deciding every channel's sale is the only way no night is sold twice",
      },
    },
    {
      id: "stay-confirmation",
      question: "Decrement the nights when the guest reserves, or only after the payment succeeds?",
      options: [
        {
          id: "reserve-then-pay",
          name: "decrement at reserve with a payment deadline; unpaid reservations give the nights back",
          buys: "a guest who is paying is sure of the room",
          costs: "abandoned reservations block nights until the deadline",
          winsWhen: "guests pay at booking time",
        },
        {
          id: "pay-then-decrement",
          name: "authorise payment first, then decrement conditionally and capture",
          buys: "no blocked nights from abandoned checkouts",
          costs: "a guest can lose the last room after entering card details; the authorisation must then be voided",
          winsWhen: "rooms are plentiful next to demand",
        },
      ],
      rules: [],
      fallback: {
        option: "reserve-then-pay",
        because: "a short payment deadline costs little while guarding the guest against losing the room mid-payment",
      },
    },
  ],
  invariants: [
    {
      action: "take a partner site's booking of a {room} for a range of nights",
      statement:
        "A night sold on a partner site comes out of the same room inventory row as a direct sale: the partner's booking is the same one-transaction decrement over every night, made before the partner confirms to its guest and recorded once per (partner, partner booking id); the free rooms pushed to partners are for display and never a licence to sell.",
      topic: "partner-channels",
    },
    {
      action: "reserve a {room} for a range of nights",
      statement:
        "For every night of the stay, a room inventory row's booked count never exceeds its total: all nights are decremented in one transaction, each only if a room is still free, or none are.",
    },
    {
      action: "pay for the {reservation} and confirm it",
      statement:
        "A {reservation} is confirmed once per request id and only while its nights are still counted for it; a retried confirm returns the same {reservation} and charges once.",
      keptBy: "idempotency-key",
    },
  ],
  failures: [
    {
      failure:
        "A partner site sells the last {room} from the free count it was pushed a moment ago, while a direct guest takes it here",
      prevention:
        "the partner confirms only after our reserve call for its booking commits the decrement; the pushed count only decides what the partner shows",
      repair: "the later of the two gets 409 no room free, and the partner offers its guest another room type or date",
      role: "truth",
      topic: "partner-channels",
    },
    {
      failure: "A partner's booking call times out and the partner sends it again",
      prevention:
        "each partner booking carries the partner's own booking id, unique per partner, recorded in the reservation's transaction",
      repair: "the repeat returns the first reservation; nothing is decremented twice",
      role: "coordination",
      topic: "partner-channels",
    },
    {
      failure: "Two guests reserve the last {room} of a type for overlapping nights at the same moment",
      prevention:
        "one transaction decrements each night's row only while booked stays below total (a conditional update), so check and write are one step",
      repair: "the second transaction fails; offer another room type or other dates",
      role: "truth",
    },
    {
      failure:
        "Half-applied stay: the service decrements some nights of a multi-night reservation, then crashes before the rest",
      prevention: "partition inventory by {property} so all nights of a stay change in one local transaction",
      repair: "the transaction rolls back; nothing is left to repair",
      role: "truth",
    },
    {
      failure: "Search shows a {room} that was sold a moment ago",
      prevention:
        "search reads an availability projection refreshed from inventory changes; reserving re-checks the count",
      repair: "tell the guest at reserve time and suggest the nearest alternatives",
      role: "derived",
    },
    {
      failure: "A guest abandons payment and the nights stay blocked",
      prevention: "an unpaid {reservation} keeps its nights only until a payment deadline",
      repair: "a sweeper returns the nights; returning them twice is prevented by the {reservation}'s state",
      role: "coordination",
    },
    {
      failure: "The same night is sold through the {property}'s own desk and through the site at once",
      prevention:
        "one inventory authority per {property}; other channels take allotments from it through a channel manager",
      repair: "an oversold guest is moved to a comparable {property} at the seller's cost",
      role: "truth",
    },
  ],
  technology: [
    // PostgreSQL docs, "Transaction Isolation" (transaction-iso.html): under Read Committed, the default, an UPDATE
    // that finds a row another transaction is changing waits for it to commit or roll back, then re-evaluates its
    // WHERE clause on the new row version, so `booked < total` is checked against the latest count.
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "room inventory rows per ({property}, room type, night), sharded by {property}, changed in one transaction by an UPDATE … WHERE booked < total on every night; a concurrent UPDATE of the same night waits for the first to commit and re-checks that condition on the new count, so the last room cannot go twice",
    },
    {
      layer: "storage",
      product: "Apache Cassandra",
      fits: "",
      poorFor:
        "plain writes are last-write-wins, so concurrent decrements can oversell; its conditional (Paxos) batches are atomic only inside one partition and cost several round trips, so every night of a stay must share a partition key",
    },
    {
      layer: "serving",
      product: "Elasticsearch or OpenSearch",
      fits: "search by location, dates and price over the availability projection",
    },
    {
      layer: "serving",
      product: "Redis",
      fits: "cached per-date availability counts in front of the inventory store",
    },
  ],
  topology: {
    components: [
      {
        id: "reservation-service",
        name: "Reservation service",
        kind: "service",
        runs: ["reserve nights", "confirm with payment", "cancel and return nights"],
        because: "the only writer of room counts; every reservation is one conditional transaction",
      },
      {
        id: "room-inventory-db",
        name: "Room inventory database (partitioned by property)",
        kind: "store",
        holds: ["RoomInventory", "Reservation"],
        because: "the authority on how many rooms of each type are free each night",
      },
      {
        id: "stay-availability",
        name: "Availability projection",
        kind: "cache",
        holds: ["RoomAvailability"],
        because: "search reads free counts by date without touching the authority",
      },
      {
        id: "unpaid-sweeper",
        name: "Unpaid reservation sweeper",
        kind: "control-loop",
        runs: ["return nights of reservations past their payment deadline"],
        because: "abandoned checkouts must give their nights back without anyone asking",
      },
      {
        id: "channel-manager",
        name: "Channel manager (partner bookings in, availability and rates out)",
        kind: "service",
        runs: [
          "take a partner booking as a reserve call, once per partner booking id",
          "push free rooms and rates to each partner after a count change",
        ],
        because:
          "partners sell the same rooms, so their bookings must reach the one inventory authority before they confirm, and their shown availability must follow every count change",
        topic: "partner-channels",
      },
      {
        id: "partner-sites",
        name: "Partner travel sites (online travel agencies)",
        kind: "external",
        runs: ["show pushed availability", "book through our partner API before confirming"],
        because: "they sell our rooms to their own guests",
        topic: "partner-channels",
      },
      {
        id: "payment-provider",
        sameAs: { I12: "provider" },
        name: "Payment provider (card network gateway)",
        kind: "external",
        runs: ["charge", "refund"],
        because:
          "card payments are an external side effect; the charge carries an idempotency key so a retried confirm never pays twice",
      },
    ],
    links: [
      { from: "gateway", to: "reservation-service", kind: "request", label: "reserve / confirm / cancel" },
      {
        from: "partner-sites",
        to: "channel-manager",
        kind: "request",
        label: "book (partner booking id)",
        topic: "partner-channels",
      },
      {
        from: "channel-manager",
        to: "reservation-service",
        kind: "request",
        label: "reserve nights, as a direct booking",
        topic: "partner-channels",
      },
      {
        from: "room-inventory-db",
        to: "channel-manager",
        kind: "stream",
        label: "count changes",
        topic: "partner-channels",
      },
      {
        from: "channel-manager",
        to: "partner-sites",
        kind: "control",
        label: "free rooms and rates",
        topic: "partner-channels",
      },
      {
        from: "reservation-service",
        to: "room-inventory-db",
        kind: "request",
        label: "conditional decrement of nights",
      },
      { from: "room-inventory-db", to: "stay-availability", kind: "stream", label: "count changes" },
      { from: "gateway", to: "stay-availability", kind: "request", label: "availability by dates" },
      { from: "unpaid-sweeper", to: "room-inventory-db", kind: "control", label: "return unpaid nights" },
      { from: "unpaid-sweeper", to: "payment-provider", kind: "control", label: "settle unknown charges first" },
      {
        from: "reservation-service",
        to: "payment-provider",
        kind: "request",
        label: "charge (idempotency key = reservation id)",
      },
    ],
    api: [
      {
        operation: "reserve a {room}",
        call: "POST /v1/properties/{property_id}/reservations",
        request: ["request_id", "room_type_id", "check_in", "check_out", "guests"],
        response: ["reservation_id", "state", "pay_by"],
        errors: ["409 no room of this type free on some night", "400 invalid dates"],
        guarantee: "every night from check_in to check_out is counted for the guest, or none is",
      },
      {
        operation: "confirm a {reservation}",
        call: "POST /v1/reservations/{reservation_id}:confirm",
        request: ["reservation_id", "payment_method", "request_id"],
        response: ["state", "confirmation_number"],
        errors: ["410 payment deadline passed", "402 payment declined"],
        guarantee: "charges once per request_id; confirms only while the nights are still held",
      },
      {
        operation: "take a partner booking",
        call: "POST /v1/partners/{partner_id}/reservations",
        request: ["partner_booking_id", "property_id", "room_type_id", "check_in", "check_out", "guests"],
        response: ["reservation_id", "state"],
        errors: ["409 no room of this type free on some night", "400 invalid dates"],
        guarantee:
          "the same all-nights-or-none decrement as a direct reservation; a repeat with the same partner_booking_id returns the first reservation",
        topic: "partner-channels",
      },
      {
        operation: "search availability",
        call: "GET /v1/availability?near={lat,lng}&check_in={d1}&check_out={d2}&guests={n}",
        request: ["location", "check_in", "check_out", "guests"],
        response: ["properties[] with free room types and prices"],
        errors: ["400 stay too long"],
        guarantee: "may be seconds stale; reserving re-checks",
      },
    ],
    dataModel: [
      {
        entity: "RoomInventory",
        key: ["property_id", "room_type_id", "night"],
        fields: ["total", "booked", "rate", "version"],
        indexes: ["(property_id, night)"],
        partitionKey: "property_id",
        owner: "room-inventory-db",
      },
      {
        entity: "Reservation",
        key: ["reservation_id"],
        fields: ["guest_id", "property_id", "room_type_id", "check_in", "check_out", "state", "pay_by", "request_id"],
        indexes: ["(guest_id, check_in desc)", "request_id unique", "(state, pay_by)"],
        partitionKey: "property_id",
        owner: "room-inventory-db",
      },
      {
        // a partner's booking id, unique per partner, written in the reservation's own transaction
        entity: "PartnerReservation",
        key: ["partner_id", "partner_booking_id"],
        fields: ["reservation_id", "received_at"],
        indexes: ["reservation_id"],
        partitionKey: "property_id",
        owner: "room-inventory-db",
        topic: "partner-channels",
      },
    ],
    entry: "reservation-service",
    stateOwner: "room-inventory-db",
    protocols: STAY_PROTOCOLS,
  },
};
