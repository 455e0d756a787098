import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import {
  PLACES_ACTIONS,
  PLACES_CAPACITY,
  PLACES_ENTITIES,
  PLACES_INVARIANTS,
  PLACES_TOPOLOGY,
  SEARCH_AREA,
  SEARCH_RADIUS,
} from "./places.js";

/** Rows of objects that move (a position overwritten every few seconds), which static places do not have. */
const MOVING = "places" as const;

export const PROXIMITY: FeatureEntry = {
  id: "proximity",
  name: "Proximity search (nearby places or moving objects)",
  summary:
    "Find what is near a point. Positions are bucketed into grid cells (geohash prefixes, quadtree leaves or hexagons); a query reads the cell of the point and its neighbours and filters by true distance. Static places are indexed once; moving objects overwrite their cell every few seconds and expire when they stop reporting.",
  signals: [
    "nearby",
    "near me",
    "within km",
    "closest",
    "proximity",
    "live location",
    "location updates",
    "geospatial",
    // a search qualified by place is this feature, not a search over user content (the longer phrase wins)
    "nearby search",
    "proximity search",
    "geo search",
    "location search",
  ],
  terms: { place: "place" },
  promptNouns: { place: ["restaurant", "store", "hotel", "business", "listing", "courier", "driver", "friend"] },
  actions: [
    ...PLACES_ACTIONS,
    {
      unlessTopic: MOVING,
      action: "update a {place}'s location",
      shape: "overwrite current value",
      entity: "Location",
      critical: false,
      substrate: "I16",
      mechanism: "lww-overwrite",
    },
    {
      // places that stay put derive their cell from the business record instead (places.ts)
      unlessTopic: MOVING,
      action: "re-bucket the {place} into its grid cell",
      shape: "async process",
      entity: "GeoCell",
      critical: false,
      hidden: true,
      substrate: "I06",
      mechanism: "projector-checkpoint",
    },
    {
      action: "find {places} near a point",
      shape: "read projection",
      entity: "GeoCell",
      critical: false,
      substrate: "I06",
      mechanism: "derived-view-read",
    },
  ],
  entities: [
    ...PLACES_ENTITIES,
    { name: "Location", description: "(object id) -> latitude, longitude, updated at", unlessTopic: MOVING },
    { name: "GeoCell", description: "(cell id) -> ids of objects whose position falls in the cell" },
  ],
  nfrs: [
    "a nearby query answers in tens of milliseconds from memory",
    "results may be a few seconds stale; a moving object that stops reporting drops out",
  ],
  substrates: [
    {
      id: "I16",
      role: "substrate",
      why: "each object's latest position is a key-scoped overwrite",
      record: {
        entity: "Location",
        why: "each object's latest position is one overwritten row keyed by the object, so no separate key-value layer is drawn",
      },
    },
    { id: "I06", role: "output", why: "the cell index is a projection of positions" },
    {
      id: "I10",
      role: "input",
      why: "moving objects are live members that lapse when updates stop",
      record: {
        entity: "Location",
        why: "an object whose latest position is older than a few report intervals drops out of the cell index, so the position reports are the heartbeats",
      },
    },
  ],
  hotspot: {
    figure: "location_updates_per_sec",
    bottleneck:
      "Location writes: every active {place} reports its position every few seconds, which dwarfs every other load and lands hardest on the cells of dense areas",
    mitigation:
      "keep only the latest position in memory, sharded by cell, overwrite in place rather than append, and split the cells of dense areas so no shard takes a whole city centre",
  },
  // places that stay put send no positions: their searches, crowded into the cells of city centres, are the load
  otherHotspots: [
    {
      figure: "cell_reads_per_sec",
      bottleneck:
        "Dense cells: searches crowd into the few cells of city centres, so the cells around a downtown point take most of the cell reads and hold the most {places} to filter",
      mitigation:
        "cache popular cells' results in front of the index, add index replicas for the reads past the cache, and split dense cells finer so one read scans a bounded number of {places}",
    },
  ],
  capacity: {
    inputs: [
      // stated places are what the index holds: the assumed moving drivers are not there to size
      {
        ...inp("moving_objects", 1e6, "drivers or couriers online at peak in a large market"),
        supersededBy: ["places"],
      },
      inp("update_seconds", 4, "apps report position every few seconds while active"),
      inp("nearby_queries_per_sec", 20000, "searches and dispatch lookups at peak"),
      inp("location_bytes", 100, "id, coordinates, cell and timestamp"),
      SEARCH_RADIUS,
      // places that rarely move (businesses, venues), only where the prompt counts them: no typical value, so a design
      // about moving drivers shows no place index
      {
        quantity: "places",
        from: [
          { expression: "merchants", why: "each stated restaurant or shop is one place on the map" },
          { expression: "properties", why: "each stated hotel or rental is one place on the map" },
        ],
      },
      // the zones the map is divided into and how often each is recomputed (a city's surge-pricing zones every 30 s),
      // only where the prompt counts them: no typical value, so a design that names no zones shows no zone figures
      { quantity: "zones" },
      { quantity: "zone_recompute_seconds" },
    ],
    figures: [
      fig(
        "location_updates_per_sec",
        "location updates per second",
        "rate",
        "moving_objects / update_seconds",
        "writes/s",
      ),
      fig("index_bytes", "memory for the live location index", "storage", "moving_objects * location_bytes", "B"),
      fig(
        "place_index_bytes",
        "memory for the index of places that rarely move (each one's id, coordinates and cell)",
        "storage",
        "places * location_bytes",
        "B",
      ),
      fig(
        "cell_reads_per_sec",
        "cell reads per second (query cell plus 8 neighbours)",
        "rate",
        "nearby_queries_per_sec * cells_per_nearby_query",
        "reads/s",
      ),
      SEARCH_AREA,
      // each zone's figure (a surge multiplier) is recomputed from the positions and requests counted in it: one
      // aggregation per zone per interval, which spreads over workers by zone as the location index spreads by cell
      fig(
        "zone_recomputes_per_sec",
        "zone recomputations per second (every zone once per interval)",
        "rate",
        "zones / zone_recompute_seconds",
        "recomputes/s",
      ),
      fig(
        "moving_objects_per_zone",
        "moving objects counted in one zone on average (the supply each recomputation reads)",
        "count",
        "moving_objects / zones",
        "objects",
      ),
    ],
    topics: { places: PLACES_CAPACITY },
  },
  decisions: [
    {
      id: "geo-index",
      question: "Index positions by geohash cells or by a quadtree?",
      options: [
        {
          id: "geohash",
          name: "geohash cells as keys (precision 6 is about 1.2 km by 0.6 km)",
          key: String.raw`geohash(?:es|ing)?|geohash cells?`,
          buys: "a move is a key update; cells shard naturally by prefix",
          costs: "fixed cell sizes: dense downtowns crowd a cell, and neighbours must be read at edges",
          winsWhen: "objects move constantly (drivers, couriers)",
          wins: [{ number: "location_updates_per_sec", atLeast: 10000 }],
          // fixed cells as wide as the radius: a search covers the point's cell and its eight neighbours
          implies: { needs: ["cheap-moves"], sizes: ["search_area_km2"] },
        },
        {
          id: "quadtree",
          name: "in-memory quadtree that splits dense areas",
          key: String.raw`quad[- ]?trees?`,
          buys: "cells adapt to density, so each query reads a similar number of points",
          costs: "rebalancing under constant movement, and the tree lives in one process per shard",
          winsWhen: "points are mostly static (restaurants, hotels) and density varies a lot",
          // fixed places named, and nothing named that reports a moving position
          wins: [
            {
              words:
                "\\b(places|restaurants?|hotels?|businesses|shops|stores|venues|points of interest|listings|landmarks)\\b",
              unless:
                "\\b(drivers?|couriers?|riders?|vehicles?|fleets?|scooters?|moving|moves|live locations?|location updates|friends)\\b",
            },
          ],
          implies: {
            // fixed places do not report positions: the moving-object load is the rejected option's
            excludes: ["reports its position every few seconds"],
            // the index is a tree whose leaves split where places are dense, not fixed cells of one size
            names: [
              {
                component: "geo-index",
                name: "Quadtree index (in memory, leaves split where places are dense, built from the business records)",
                runs: ["walk the tree to the leaves the radius meets"],
              },
            ],
            // a fixed place's position changes only when its record is edited, not every few seconds
            capacity: [
              {
                quantity: "update_seconds",
                value: 86400,
                why: "a fixed place's position changes at most about once a day, when its record is edited",
              },
              {
                quantity: "cells_per_nearby_query",
                value: 9,
                why: "a search walks the tree down to the leaves its circle overlaps: where leaves are split to about the radius's width (a dense centre), its own leaf and up to eight around it",
              },
            ],
          },
        },
      ],
      rules: [
        {
          when: [{ number: "location_updates_per_sec", atLeast: 10000 }],
          option: "geohash",
          because: "tens of thousands of moves a second favour a structure where a move is one key write",
        },
        {
          // the index holds things that report a moving position (the quadtree's own `unless` words), named by the
          // prompt itself (a condition with `unless` reads the prompt alone, not the feature's own "moving objects")
          // unless they stand still
          when: [
            {
              words: "\\b(drivers?|couriers?|riders?|vehicles?|scooters?|live locations?|location updates)\\b",
              unless: "\\b(parked|stationary|docked)\\b",
            },
          ],
          option: "geohash",
          because: "the prompt names things that move, and a move is one key write in a fixed cell",
        },
      ],
      fallback: {
        option: "quadtree",
        because:
          "the points rarely move, so an adaptive tree built from the records (or precomputed cells) pays off, with no move path at all",
      },
    },
  ],
  // only a design that draws the places' own write keeps their rule (an action marked with a topic is kept only there)
  invariants: [...PLACES_INVARIANTS],
  failures: [
    {
      failure: "A {place} just across a cell edge is missed because only the point's own cell was searched",
      // a circle of radius r around a point stays inside the 3 x 3 block of cells round the point's cell only when
      // each cell is at least r on its shorter side (geohash cells are not square: precision 6 is about 1.22 km by
      // 0.61 km at the equator, Elasticsearch geohash_grid docs, and narrower east to west away from it)
      prevention:
        "search the point's cell and its eight neighbours, with cells at least as wide as the radius on their shorter side, then filter by exact distance",
      repair: "widen to the next ring of cells when too few results come back",
      role: "derived",
    },
    {
      failure: "A dense area (a city centre) packs so many {places} into one cell that its shard runs hot",
      prevention: "adaptive cells: split a quadtree node, or use a finer geohash precision, where density is high",
      repair: "split the hot cell and re-bucket its {places}",
      role: "derived",
    },
    {
      failure: "The geo index lags a {place}'s location update",
      prevention: "re-bucket on every location update and keep the update time beside the position",
      repair: "rebuild the affected cells from the location store",
      role: "derived",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL with PostGIS",
      fits: "the authoritative {place} locations with a spatial index",
    },
    {
      layer: "serving",
      product: "Redis",
      fits: "GEOSEARCH over a geo set for fast radius queries on hot areas",
    },
    {
      layer: "serving",
      product: "Elasticsearch or OpenSearch",
      fits: "geo_distance queries combined with text and attribute filters",
    },
  ],
  topology: {
    components: [
      ...PLACES_TOPOLOGY.components,
      {
        unlessTopic: MOVING,
        id: "location-service",
        name: "Location service",
        kind: "service",
        runs: ["accept position updates", "nearby query"],
        because: "computes the cell of each point and answers radius queries over the cell and its neighbours",
      },
      {
        unlessTopic: MOVING,
        id: "geo-index",
        name: "Geo cell index (in-memory, sharded by cell)",
        kind: "cache",
        holds: ["GeoCell", "Location"],
        because: "cell -> members lets a radius query touch a handful of keys instead of every object",
      },
      {
        unlessTopic: MOVING,
        id: "places-db",
        name: "Location records (database)",
        kind: "store",
        holds: ["Place"],
        because:
          "the authoritative records the in-memory index is rebuilt from after a restart: a fixed place's position, or a moving object's last reported one",
      },
    ],
    links: [
      ...PLACES_TOPOLOGY.links,
      {
        from: "gateway",
        to: "location-service",
        kind: "request",
        label: "update location / find nearby",
        unlessTopic: MOVING,
      },
      {
        from: "location-service",
        to: "geo-index",
        kind: "request",
        label: "move between cells / read cells",
        unlessTopic: MOVING,
      },
      { from: "places-db", to: "geo-index", kind: "stream", label: "rebuild the index", unlessTopic: MOVING },
    ],
    api: [
      ...PLACES_TOPOLOGY.api,
      {
        unlessTopic: MOVING,
        operation: "find nearby",
        call: "GET /v1/nearby?lat={lat}&lng={lng}&radius_m={r}&limit=20",
        request: ["lat", "lng", "radius_m", "limit"],
        response: ["results[] (id, distance_m)"],
        errors: ["400 radius too large"],
        guarantee: "positions at most one update interval old",
      },
      {
        unlessTopic: MOVING,
        operation: "update location",
        call: "PUT /v1/objects/{id}/location",
        request: ["id", "lat", "lng", "client_ts"],
        response: ["cell"],
        errors: [],
        guarantee: "an older client_ts never overwrites a newer position",
      },
    ],
    dataModel: [
      ...PLACES_TOPOLOGY.dataModel,
      {
        unlessTopic: MOVING,
        entity: "Location",
        key: ["object_id"],
        fields: ["lat", "lng", "cell", "updated_at"],
        indexes: ["cell"],
        partitionKey: "object_id",
        owner: "geo-index",
      },
      {
        unlessTopic: MOVING,
        entity: "GeoCell",
        key: ["cell_id"],
        fields: ["member_ids"],
        indexes: [],
        partitionKey: "cell_id",
        owner: "geo-index",
      },
    ],
    protocols: [...(PLACES_TOPOLOGY.protocols ?? [])],
    entry: "location-service",
    stateOwner: "geo-index",
  },
};
