import type { CapacityModel } from "../capacity/types.js";
import type { Topology } from "../topology.js";
import { fig, inp } from "./helpers.js";
import type { FeatureAction, FeatureEntity, FeatureInvariant } from "./types.js";

/**
 * Proximity search over places that stay where they are (topic "places", knowledge/topics.ts): restaurants, shops,
 * hotels, a local-business directory. The business record in its own store is the authority (name, category,
 * rating, price, hours, location); the geo cell index is derived from it, built once and refreshed as records change,
 * and never takes a position update, because a place does not move. A search reads the cells around the point,
 * filters by category, price, rating and opening hours, and ranks by distance, rating and relevance; popular cells
 * are cached. Reviews arrive on their own write path and feed the rating the index ranks by. The moving-object rows
 * (a driver's position overwritten every few seconds, a live location that lapses) belong to drivers and couriers.
 *
 * Facts, checked against primary sources:
 * - Yelp engineering blog, "Moving Yelp's core business search to Elasticsearch" (2017): the core business search
 *   ranked mostly on business features (reviews, name, opening hours, service areas); its legacy index reached
 *   query servers as periodic snapshots minutes old, too late for some features, which is why it moved to a store
 *   that indexes in near real time.
 * - The feature's own geohash facts (precision 6 is about 1.2 km by 0.6 km) and Redis GEOSEARCH stay in proximity.ts.
 * Planning figures (index bytes per place, cells per query, cache hit ratio, reviews a day) are assumptions, said as
 * such in their rows.
 */

const T = "places" as const;

export const PLACES_ACTIONS: FeatureAction[] = [
  {
    action: "add or edit a {place} (name, category, price, hours, location)",
    shape: "overwrite current value",
    entity: "Business",
    // the subject's own write: the business record is the authority the cell index is derived from
    critical: true,
    substrate: "I16",
    mechanism: "versioned-overwrite",
    topic: T,
  },
  {
    // the subject's own rule rides here: the cell index is a copy of the business records, derived and rebuilt from them
    action: "derive the {place}'s cell entry from its business record when it is added or edited",
    shape: "async process",
    entity: "GeoCell",
    critical: false,
    hidden: true,
    substrate: "I06",
    mechanism: "projector-checkpoint",
    topic: T,
  },
  {
    action: "post a review that feeds the {place}'s rating",
    shape: "append event",
    entity: "Review",
    critical: false,
    substrate: "I06",
    mechanism: "projector-checkpoint",
    topic: T,
  },
];

/** The subject's own rule: the cell index is a copy derived from the business records, rebuilt from them. */
export const PLACES_INVARIANTS: FeatureInvariant[] = [
  {
    action: "add or edit a {place} (name, category, price, hours, location)",
    statement:
      "The geo cell index is derived only from the Business records: an edited {place} is in the cell of its stored location within the refresh bound, no search writes the index, and the whole index can be rebuilt from the records.",
    keptBy: "projector-checkpoint",
  },
  {
    // the edit's own rule: the write names the version it read (the API's 409 version conflict)
    action: "add or edit a {place} (name, category, price, hours, location)",
    statement:
      "An edit of a Business names the version it read and applies only if that version is still current, so no concurrent edit is silently overwritten: the later of two edits gets a version conflict and re-reads.",
    keptBy: "versioned-overwrite",
  },
];

export const PLACES_ENTITIES: FeatureEntity[] = [
  {
    name: "Business",
    description:
      "(business id) -> name, category, price level, opening hours, rating and review count, latitude and longitude: the authoritative record the geo index is derived from",
    topic: T,
  },
  {
    name: "Review",
    description: "(review id) -> business id, author, stars, text, created at; a new one updates the business's rating",
    topic: T,
  },
];

/** The radius a nearby search asks for, where the prompt states none. */
export const SEARCH_RADIUS = inp(
  "radius_km",
  1,
  "a planning figure: a nearby search in a city looks about a kilometre around the point",
);

/**
 * The radius sizes the cells: a cell at least as wide as the radius keeps the circle inside the point's cell and its
 * eight neighbours, so a wider radius means wider cells and more to filter, never more cells. Shared by the moving
 * objects' and the places' models (proximity.ts).
 */
export const SEARCH_AREA = fig(
  "search_area_km2",
  "area one search's cells cover (cells as wide as the radius, the point's and its 8 neighbours)",
  "count",
  "cells_per_nearby_query * radius_km * radius_km",
  "km²",
);

/** Static places: the index is sized by the places and the searches, and no position updates arrive. */
export const PLACES_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "places",
      typical: 100000000,
      why: "a planning figure: a national or global directory lists on the order of a hundred million places",
      from: [
        { expression: "merchants", why: "each stated restaurant, shop or store is one place" },
        { expression: "objects", why: "each stated listing is one place" },
      ],
    },
    {
      quantity: "nearby_queries_per_sec",
      typical: 20000,
      why: "a planning figure: searches at the peak of a large directory",
      from: { expression: "reads_per_sec", why: "each stated search is one nearby query" },
    },
    inp("place_index_bytes", 100, "a planning figure: id, coordinates, cell, category bits and rank fields"),
    inp("business_bytes", 2000, "a planning figure: a business record with its hours, attributes and rating"),
    inp("cells_per_nearby_query", 9, "a search reads its own cell and the eight around it"),
    inp(
      "cell_cache_hit_ratio",
      0.8,
      "a planning figure: searches crowd into city centres, so most land on cells another search just read",
    ),
    inp(
      "index_node_reads_per_sec",
      50000,
      "a planning figure: one in-memory index replica answers tens of thousands of cell reads a second",
    ),
    inp("reviews_per_day", 1000000, "a planning figure: reviews a day across a large directory"),
    SEARCH_RADIUS,
    {
      quantity: "dense_places_per_km2",
      label: "places listed per square kilometre of a dense city centre",
      unit: "places/km²",
      typical: 1000,
      why: "a planning figure: a dense city centre lists on the order of a thousand businesses a square kilometre",
    },
  ],
  figures: [
    fig("geo_index_bytes", "memory for the geo cell index (one copy)", "storage", "places * place_index_bytes", "B"),
    fig("business_bytes_total", "business records", "storage", "places * business_bytes", "B"),
    fig(
      "cell_reads_per_sec",
      "cell reads a second at the peak (the cells a search's circle overlaps)",
      "hotspot",
      "nearby_queries_per_sec * peak_factor * cells_per_nearby_query",
      "reads/s",
    ),
    fig(
      "index_cell_reads_per_sec",
      "cell reads reaching the index past the popular-cell cache",
      "rate",
      "nearby_queries_per_sec * peak_factor * cells_per_nearby_query * (1 - cell_cache_hit_ratio)",
      "reads/s",
    ),
    fig(
      "index_replicas",
      "index replicas for the reads past the cache",
      "count",
      "nearby_queries_per_sec * peak_factor * cells_per_nearby_query * (1 - cell_cache_hit_ratio) / index_node_reads_per_sec",
      "replicas",
      true,
    ),
    fig("review_writes_per_sec", "reviews written a second", "rate", "reviews_per_day / 86400", "writes/s"),
    SEARCH_AREA,
    fig(
      "places_filtered_per_search",
      "places one search filters by exact distance in a dense city centre",
      "count",
      "cells_per_nearby_query * radius_km * radius_km * dense_places_per_km2",
      "places",
    ),
  ],
};

export const PLACES_TOPOLOGY: Pick<Topology, "components" | "links" | "api" | "dataModel" | "protocols"> = {
  components: [
    {
      id: "location-service",
      name: "Nearby search service",
      kind: "service",
      runs: [
        "find the cells around a point",
        "filter by category, price, rating, hours",
        "rank by distance, rating and relevance",
      ],
      because:
        "reads the cells around the point, drops what the filters exclude or the exact distance puts outside the radius, and ranks the rest",
      topic: T,
    },
    {
      id: "geo-index",
      name: "Geo cell index (precomputed cells, derived from the business records)",
      kind: "cache",
      holds: ["GeoCell"],
      runs: ["read cells"],
      because:
        "places do not move, so the cells are built from the business records and refreshed on an edit, never updated by position reports",
      topic: T,
    },
    {
      id: "places-db",
      name: "Business records (database, the authority)",
      kind: "store",
      holds: ["Business", "Review"],
      runs: ["versioned write", "rating aggregate"],
      because: "the business record is the truth the cells and the search index are derived from and rebuilt from",
      topic: T,
    },
    {
      id: "cell-cache",
      name: "Popular-cell cache",
      kind: "cache",
      runs: ["cache a cell's ranked candidates"],
      because: "searches crowd into city centres, so the same cells are read again and again",
      topic: T,
    },
  ],
  links: [
    {
      from: "gateway",
      to: "location-service",
      kind: "request",
      label: "find nearby / add or edit a business",
      topic: T,
    },
    { from: "location-service", to: "cell-cache", kind: "request", label: "popular cells", topic: T },
    { from: "location-service", to: "geo-index", kind: "request", label: "read cells past the cache", topic: T },
    { from: "location-service", to: "places-db", kind: "request", label: "business edits and reviews", topic: T },
    { from: "places-db", to: "geo-index", kind: "stream", label: "re-bucket edited businesses, rebuild", topic: T },
  ],
  // a search is the feature's key flow: places are read far more than edited
  protocols: [
    {
      name: "Find nearby: the point's cells, cache first, then filter and rank",
      notation:
        "client>gateway[find nearby: point, radius and filters] -> gateway>location-service[search] -> location-service[cover the radius with the point's cell and its neighbours] -> location-service>cell-cache[ranked candidates of the popular cells] -> cell-cache>location-service[cached cells, and the cells missed] -> location-service>geo-index[read the missed cells {cell not in the cache}] -> geo-index>location-service[business ids in those cells] -> location-service[filter by category, price, rating and hours, drop what lies past the exact distance, rank by distance, rating and relevance] -> location-service>client[ranked page] |-> location-service>geo-index[widen to the next ring of cells {fewer results than the limit}] => done",
      topic: T,
    },
  ],
  api: [
    {
      operation: "find nearby",
      call: "GET /v1/nearby?lat={lat}&lng={lng}&radius_m={r}&category={c}&price={p}&open_now={b}&min_rating={x}&limit=20",
      request: ["lat", "lng", "radius_m", "category", "price", "open_now", "min_rating", "limit"],
      response: ["results[] (id, name, distance_m, rating, price)"],
      errors: ["400 radius too large"],
      guarantee: "ranked by distance, rating and relevance; an edit shows once the index has re-bucketed it",
      topic: T,
    },
    {
      operation: "add or edit a business",
      call: "PUT /v1/businesses/{id}",
      request: ["id", "name", "category", "price", "hours", "lat", "lng", "version"],
      response: ["version"],
      errors: ["409 version conflict"],
      guarantee: "the record is the authority; the cells follow it",
      topic: T,
    },
  ],
  dataModel: [
    {
      entity: "Business",
      key: ["business_id"],
      fields: ["name", "category", "price", "hours", "rating", "review_count", "lat", "lng", "version"],
      indexes: ["cell", "category"],
      partitionKey: "business_id",
      owner: "places-db",
      topic: T,
    },
    {
      entity: "GeoCell",
      key: ["cell_id"],
      fields: ["business_ids with rank fields (rating, category, price)"],
      indexes: [],
      partitionKey: "cell_id",
      owner: "geo-index",
      topic: T,
    },
  ],
};
