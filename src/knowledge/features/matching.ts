import { OFFER_TO_SEVERAL } from "../decisions/stated-conditions.js";
import { fig, inp, LOCK_WORDS } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { MATCHING_PROTOCOLS } from "./protocols.js";

export const MATCHING: FeatureEntry = {
  id: "matching",
  name: "Matching (ride dispatch)",
  summary:
    "A request is matched to one nearby available supplier. Candidates come from the proximity index; the dispatcher offers the job to one driver at a time and claims that driver exclusively, so no driver is given two trips and no trip two drivers. The trip then moves through guarded states.",
  signals: [
    "ride hailing",
    "ride sharing",
    "request a ride",
    "book a ride",
    "match riders",
    "dispatch drivers",
    "nearest driver",
    "assign a driver",
    "couriers deliver",
    "delivery drivers",
    "taxi",
  ],
  terms: { trip: "ride", driver: "driver", rider: "rider" },
  promptNouns: {
    trip: ["delivery", "ride", "trip"],
    driver: ["courier", "driver", "shopper"],
    rider: ["customer", "rider", "passenger"],
  },
  requires: ["proximity"],
  actions: [
    {
      action: "request a {trip}",
      shape: "create target",
      entity: "{Trip}",
      critical: true,
      substrate: "I16",
      mechanism: "idempotency-key",
    },
    {
      action: "match the {trip} to the nearest available {driver}",
      shape: "state transition",
      entity: "{Driver}State",
      critical: true,
      substrate: "I02",
      mechanism: "lease",
    },
    {
      action: "{driver} accepts or declines the offer",
      shape: "state transition",
      entity: "{Trip}",
      critical: true,
      substrate: "I02",
      mechanism: "guarded-transition",
    },
    {
      action: "track the {driver}'s location during the {trip}",
      shape: "read source",
      entity: "Location",
      critical: false,
      substrate: "I10",
    },
    {
      action: "complete the {trip} and charge the {rider}",
      shape: "state transition",
      entity: "{Trip}",
      critical: true,
      substrate: "I12",
      mechanism: "transactional-outbox",
    },
  ],
  entities: [
    {
      name: "{Trip}",
      description: "rider, pickup, drop-off, driver, state (requested, offered, accepted, on trip, done)",
    },
    { name: "{Driver}State", description: "per driver: available / offered / busy, current trip, offer expiry" },
    { name: "Location", description: "each driver's latest position, reported every few seconds" },
  ],
  nfrs: [
    "a {driver} is never assigned two {trips} at once; a {trip} never gets two {drivers}",
    "matching completes within seconds; an unanswered offer expires and moves on",
    "the {trip} state survives any server crash",
  ],
  // the one-driver claim is the driver's own state row, moved from available to offered by a conditional write with
  // an offer token and expiry: an exclusivity demand ("every order goes to exactly one courier") that made the lease
  // archetype lead is kept by that record, so no lock service, consensus group or member registry is drawn beside it,
  // unless the prompt asks for a lock's own machinery (a lock, a lease, leader election, fencing tokens)
  realizes: [
    {
      id: "I02",
      entity: "{Driver}State",
      demand: "every {trip} is assigned to exactly one {driver}, and no {driver} holds two at once",
      instead: "lock service",
      why: "the dispatcher claims a {driver} by a conditional write on the {driver}'s own state row (available to offered, with an offer token and expiry) in the {driver} state store, and the {driver}'s accept names that token in a guarded transition of the {trip}; an unanswered offer lapses at its expiry, so no separate lease service, consensus group or member registry is drawn",
      unless: LOCK_WORDS,
    },
  ],
  substrates: [
    {
      id: "I02",
      role: "substrate",
      why: "offering a trip claims one driver exclusively with an expiring offer",
      record: {
        entity: "{Driver}State",
        why: "the offer is a conditional write on the driver's own state row, available to offered with an offer token and expiry, and the accept names that token, so the claim is the lease",
      },
    },
    {
      id: "I10",
      role: "input",
      why: "available drivers are live members kept by location heartbeats",
      record: {
        entity: "Location",
        why: "a driver is available while its latest position is fresh: a position older than a few report intervals drops the driver out of the cell index, so the location reports are the heartbeats",
      },
    },
    {
      id: "I16",
      role: "substrate",
      why: "trip and driver state are key-scoped records",
      record: {
        entity: "{Trip}",
        why: "the trip and the driver's state are rows keyed by their ids in the feature's own stores, changed by conditional writes, so no separate key-value layer is drawn",
      },
    },
    { id: "I12", role: "output", why: "the fare is charged through a payment provider", party: "payment-provider" },
  ],
  // the searches a request makes come back after each lost claim, decline or expired offer, and at rush hour they
  // crowd into a busy area's few cells and compete for the same nearby drivers; the contention is on the claims (I02)
  hotspot: {
    figure: "nearby_queries_per_sec",
    archetype: "I02",
    bottleneck:
      "Rush-hour matching in a busy area: {trip} requests crowd into the same few cells and compete for the same nearby {drivers}, so each lost claim, decline or expired offer sends a request back to search a wider radius",
    mitigation:
      "claim a {driver} with one conditional write on their state (available to offered) so exactly one request wins and the others move straight to their next candidate, leave {drivers} with an open offer out of other searches, and keep each city area's requests and {drivers} on its own dispatcher shard so one area's rush stays there",
  },
  capacity: {
    inputs: [
      {
        quantity: "rides_per_day",
        typical: 20e6,
        why: "trips a day across a large ride-hailing market",
        // a delivery app dispatches each order once: the trips its couriers are matched to are its orders, stated or
        // estimated by the design's own order models, never a ride market's typical count beside them
        from: [
          { expression: "orders_per_day", why: "each order is one courier trip the matching dispatches" },
          {
            expression: "orders_per_sec * 86400",
            why: "each order is one courier trip the matching dispatches, the design's orders a second over a day",
            fromDesign: true,
          },
          {
            expression: "orders_per_day",
            why: "each order is one courier trip the matching dispatches, from the design's own orders a day",
            fromDesign: true,
          },
        ],
      },
      inp("moving_objects", 1e6, "drivers online at peak"),
      inp("update_seconds", 4, "driver apps report position every few seconds"),
      inp("offer_seconds", 15, "a driver has a few seconds to accept an offer"),
      inp(
        "searches_per_request",
        3,
        "a request searches again, with a wider radius, after a decline or an expired offer: about three searches per matched request",
      ),
    ],
    figures: [
      fig("ride_requests_per_sec", "ride requests per second", "rate", "rides_per_day / 86400", "req/s"),
      fig(
        "peak_ride_requests_per_sec",
        "peak ride requests per second",
        "peak",
        "ride_requests_per_sec * peak_factor",
        "req/s",
      ),
      // the nearby searches the proximity index answers come from the requests being matched, so the design has one
      // figure for them, not the index's typical query rate beside the requests it sizes here
      fig(
        "nearby_queries_per_sec",
        "nearby searches a second from matching requests",
        "rate",
        "peak_ride_requests_per_sec * searches_per_request",
        "req/s",
      ),
      // the drivers' location updates are the proximity index's load, sized once by the proximity feature it requires
      // (location_updates_per_sec), never again here
    ],
    // a match, from the rider's request to the offer on the driver's phone: find the nearby available drivers in the
    // live geo index, rank them by road ETA, claim the best one, push the offer; the driver's accept window
    // (offer_seconds) follows the offer and is outside the bound
    latencyPath: {
      serves: "one match, from the rider's request to the offer on the driver's phone",
      steps: ["client_rtt_seconds", "geo_query_seconds", "eta_rank_seconds", "claim_seconds", "offer_push_seconds"],
      inputs: [
        inp(
          "geo_query_seconds",
          0.05,
          "the available drivers in the rider's cell and its neighbours are read from an in-memory geo index; tens of milliseconds at the tail (a planning figure)",
        ),
        inp(
          "eta_rank_seconds",
          0.3,
          "road-network ETAs for the ten or so candidates are computed in one parallel batch by the routing service; a few hundred milliseconds at the tail (a planning figure; measure it)",
        ),
        inp(
          "claim_seconds",
          0.01,
          "one conditional write on the driver's state row (available to offered, with the offer token and expiry) (a planning figure)",
        ),
        inp(
          "offer_push_seconds",
          0.3,
          "the offer goes down the driver's open connection over a mobile network, whose tail round trip is a few hundred milliseconds; the driver's accept window starts after it, outside the bound (a planning figure)",
        ),
      ],
    },
  },
  decisions: [
    {
      id: "dispatch-offer",
      question: "Offer a ride to one driver at a time, or broadcast it to several and take the first?",
      options: [
        {
          id: "one-at-a-time",
          name: "offer to the best driver, claim them, move on when the offer expires",
          buys: "no driver races; each offer is an exclusive claim with a deadline",
          costs: "a declined offer adds seconds to the match",
          winsWhen: "drivers must not be double-booked and offers are answered quickly",
        },
        {
          id: "broadcast",
          name: "offer to several drivers at once, and the first acceptance wins",
          buys: "faster matches when many drivers ignore offers",
          costs: "losing drivers get a 'taken' message; still needs a conditional write on the trip",
          winsWhen: "most offers are ignored or declined, so waiting on one answer at a time costs more than a race",
          // the prompt offers each job to several at once ("the first to accept gets it")
          wins: [{ words: OFFER_TO_SEVERAL }],
        },
      ],
      rules: [],
      fallback: {
        option: "one-at-a-time",
        because: "an exclusive claim per driver is the simplest way to never double-assign",
      },
    },
    {
      id: "dispatch-sharding",
      question: "One global dispatcher, or one per city region?",
      options: [
        {
          id: "by-region",
          name: "dispatcher sharded by city or region cell",
          buys: "each shard sees all nearby supply; load spreads across cities",
          costs: "trips near a shard border need a cross-shard look",
          winsWhen: "supply and demand are local (they always are for rides)",
        },
        {
          id: "global",
          name: "one global matcher",
          buys: "globally optimal assignment",
          costs: "one hotspot for all location updates",
          winsWhen: "the market is one small city",
          wins: [{ number: "location_updates_per_sec", below: 1000 }],
        },
      ],
      rules: [
        {
          when: [{ number: "location_updates_per_sec", below: 1000 }],
          option: "global",
          because: "the whole market fits one matcher",
        },
      ],
      fallback: { option: "by-region", because: "location updates are too many for one matcher and matching is local" },
    },
  ],
  invariants: [
    {
      action: "request a {trip}",
      statement: "A retried request creates one {trip}, and a {rider} has at most one open {trip} at a time.",
    },
    {
      action: "match the {trip} to the nearest available {driver}",
      statement:
        "A {driver} state holds at most one open offer or active {trip}: assignment is a conditional write on that state (available to offered), so no {driver} is given two {trips} at once.",
    },
    {
      action: "{driver} accepts or declines the offer",
      statement:
        "An accept counts only while its offer token is current; a late accept after the offer moved on is refused, so a {trip} has exactly one {driver}.",
    },
    {
      action: "complete the {trip} and charge the {rider}",
      statement: "A {trip} is charged once, on completion, under the {trip}'s idempotency key.",
    },
  ],
  failures: [
    {
      failure: "Two dispatchers pick the same nearest {driver} for two {trips} at once",
      prevention: "the offer is a compare-and-set on the {driver}'s state with a version",
      repair: "the losing dispatcher moves to the next nearest {driver}",
      role: "coordination",
    },
    {
      failure: "A {driver} accepts after the offer timed out and went to another {driver}",
      prevention: "each offer carries a token and an expiry; accept is a conditional write that checks both",
      repair: "refuse the late accept and put the {driver} back in the available pool",
      role: "coordination",
    },
    {
      failure: "A {driver}'s location updates stop (tunnel, app killed) and the index keeps a stale position",
      prevention: "positions expire after a few missed updates; matching reads only fresh ones",
      repair: "drop the {driver} from the index until the next update arrives",
      role: "derived",
    },
    {
      failure: "A burst of {trip} requests in one area outruns the {drivers} there",
      prevention: "match in short batches per area and widen the search radius step by step",
      repair: "queue the requests with an honest wait estimate instead of failing them",
      role: "coordination",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "{trips} and {driver} states with versioned conditional updates",
    },
    {
      layer: "serving",
      product: "Redis",
      fits: "a geo index (GEOADD / GEOSEARCH) of fresh {driver} positions, rebuilt from the update stream",
    },
    {
      layer: "coordination",
      product: "Apache Kafka",
      fits: "the stream of {driver} location updates, partitioned by area",
    },
  ],
  topology: {
    components: [
      {
        id: "trip-service",
        name: "Trip service",
        kind: "service",
        holds: ["Trip"],
        runs: ["request", "state changes", "complete"],
        because: "the owner of each trip's state machine",
      },
      {
        id: "dispatch-service",
        name: "Dispatcher (sharded by city region)",
        kind: "service",
        runs: ["find candidates", "offer to one driver", "claim driver"],
        because: "one dispatcher per region sees all nearby supply and claims drivers with conditional writes",
      },
      {
        id: "driver-gateway",
        name: "Driver connection gateways (WebSocket)",
        kind: "gateway",
        runs: ["hold each online driver's connection", "relay position updates", "push offers"],
        because:
          "an offer must reach one driver's phone within seconds, so every online driver keeps a connection open that positions flow up and offers flow down",
      },
      {
        id: "location-stream",
        name: "Location update stream (partitioned by area)",
        kind: "log",
        runs: ["carry position updates, each area's in order", "replay recent positions to rebuild the geo index"],
        because:
          "every online driver reports its position every few seconds; a log keyed by area takes that steady write load off the gateways, keeps each area's updates in order, and lets a lost index shard be rebuilt by replaying the last minutes",
      },
      {
        id: "eta-service",
        name: "ETA service (road routing)",
        kind: "service",
        runs: ["road travel time from each candidate to the pickup"],
        because:
          "the nearest driver in a straight line is often not the nearest by road, so candidates are ranked by a routing engine's travel time",
      },
      {
        id: "driver-state",
        name: "Driver state store",
        kind: "store",
        holds: ["DriverState"],
        because: "availability and the current offer per driver; claims are compare-and-set here",
      },
      {
        id: "trip-db",
        name: "Trip database",
        kind: "store",
        holds: ["Trip"],
        because: "durable trip records for billing, support and history",
      },
    ],
    links: [
      { from: "gateway", to: "trip-service", kind: "request", label: "request / accept / complete" },
      { from: "trip-service", to: "trip-db", kind: "request", label: "guarded state change" },
      { from: "trip-service", to: "dispatch-service", kind: "request", label: "find a driver" },
      { from: "dispatch-service", to: "location-service", kind: "request", label: "nearby available drivers" },
      { from: "dispatch-service", to: "driver-state", kind: "request", label: "claim driver (CAS)" },
      { from: "dispatch-service", to: "eta-service", kind: "request", label: "road ETAs of the nearest candidates" },
      { from: "client", to: "driver-gateway", kind: "stream", label: "WebSocket: positions up, offers down" },
      { from: "driver-gateway", to: "location-stream", kind: "stream", label: "position updates (keyed by area)" },
      {
        from: "location-stream",
        to: "location-service",
        kind: "stream",
        label: "consume position updates, move drivers between cells",
      },
      { from: "dispatch-service", to: "driver-gateway", kind: "callback", label: "push the offer to one driver" },
      { from: "driver-gateway", to: "trip-service", kind: "request", label: "accept with the offer token" },
    ],
    api: [
      {
        operation: "request a {trip}",
        call: "POST /v1/trips",
        request: ["request_id", "pickup", "dropoff", "product"],
        response: ["trip_id", "state", "eta_s"],
        errors: ["409 rider already on a trip", "503 no supply nearby"],
        guarantee: "one trip per request_id",
      },
      {
        operation: "accept an offer",
        call: "POST /v1/trips/{trip_id}:accept",
        request: ["trip_id", "offer_token"],
        response: ["state"],
        errors: ["410 offer expired", "409 trip already taken"],
        guarantee: "succeeds only while the offer to this driver is live",
      },
    ],
    dataModel: [
      {
        entity: "Trip",
        key: ["trip_id"],
        fields: ["rider_id", "driver_id", "pickup", "dropoff", "state", "fare", "version"],
        indexes: ["(rider_id, created_at desc)", "(driver_id, created_at desc)"],
        partitionKey: "trip_id",
        owner: "trip-db",
      },
      {
        entity: "DriverState",
        key: ["driver_id"],
        fields: ["status", "trip_id", "offer_token", "offer_expires_at", "version"],
        indexes: ["(region, status)"],
        partitionKey: "driver_id",
        owner: "driver-state",
      },
    ],
    entry: "trip-service",
    stateOwner: "trip-db",
    protocols: MATCHING_PROTOCOLS,
  },
};
