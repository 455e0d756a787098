import { fig } from "../../capacity/helpers.js";
import type { CapacityModel } from "../../capacity/types.js";
import type { DecisionPoint } from "../../decisions/types.js";
import type { ArchetypeInput, MechanismId } from "../../schema.js";
import type { ApiSpec, ComponentSpec, DataSpec, LinkSpec, ProtocolSpec } from "../../topology.js";

/**
 * Authoritative DNS (topic "dns", knowledge/topics.ts): a service that is the authority for zones and answers
 * resolvers' queries about them. Owners change record sets through an API; each accepted batch of changes commits
 * at the zone's next SOA serial together with its diff in a change journal. Distributors tell every name server
 * that the zone moved (a NOTIFY), and each server fetches only the diffs after the serial it holds (IXFR), or the
 * whole zone (AXFR) when the journal no longer reaches back that far, applies them whole and swaps the zone in
 * memory. Name servers sit in points of presence that all announce the same anycast prefixes; a server answers
 * every query from memory, with the record set and its TTL, a referral, or a negative answer that carries the zone's
 * SOA so resolvers cache the absence only for min(SOA TTL, SOA MINIMUM). A PoP that fails its probes or whose
 * applied serial lags the head past the stated bound withdraws its route, and queries move to the next-nearest PoP.
 * A resolver (recursive, caching) is not this subject: it is a cache in front of authorities (I07).
 *
 * Facts, checked against primary sources:
 * - RFC 1034/1035: a zone's SOA record carries its serial and the refresh, retry, expire and minimum timers;
 *   secondaries poll the SOA every refresh interval and transfer the zone when the serial moved.
 * - RFC 1996 (NOTIFY): a primary tells its secondaries that the zone changed, an interrupt instead of waiting for the
 *   refresh poll, so a change spreads without long refresh times; a NOTIFY is retried until answered.
 * - RFC 1995 (IXFR): a secondary asks for the changes since the serial it holds and gets only the changed records;
 *   the server may answer with the full zone (as AXFR) when it cannot send the differences.
 * - RFC 2308 (negative caching): an NXDOMAIN or NODATA answer carries the zone's SOA, whose TTL is the smaller of the
 *   SOA's own TTL and its MINIMUM field; that is how long a resolver may cache the negative answer (restated by
 *   RFC 9077).
 * - PowerDNS Authoritative: as a primary it sends NOTIFYs to the name servers in a zone's NS records, and its
 *   secondaries also poll the primary's SOA serial; with "native" replication it relies on the database backend's own
 *   replication and sends no NOTIFY at all.
 * - NSD (NLnet Labs): an authoritative-only name server; it takes NOTIFYs and zone transfers for its secondary zones.
 * - Amazon Route 53: changes generally reach all of its name servers within 60 seconds, and GetChange reports when a
 *   change has reached them (status INSYNC).
 * - Anycast: every site announces the same prefix over BGP; a health checker (anycast-healthchecker with BIRD,
 *   ExaBGP) withdraws a site's route when its service fails, and routing carries queries to the next-nearest site.
 * Planning figures (servers' query rates, each hop's time, record sizes, the headroom for floods) are assumptions,
 * said as such in their rows.
 */

const T = "dns" as const;

export const DNS_ENTITIES = [
  {
    name: "Zone",
    description:
      "One zone by its apex name (example.com.): its SOA (primary name, serial, refresh, retry, expire, minimum), the name servers that serve it (its NS set) and its owner; the serial is the zone's version, raised by every committed change.",
    truth: true,
    topic: T,
  },
  {
    name: "RecordSet",
    description:
      "All records of one name and type in a zone (an RRset): the owner name, the type (A, AAAA, CNAME, MX, TXT, NS ...), one TTL and its values; the unit a change creates, replaces or deletes.",
    truth: true,
    topic: T,
  },
  {
    name: "ZoneChange",
    description:
      "One committed change to a zone by its serial: the records deleted and added (the diff an IXFR sends), the change id the API returned, who made it and when; the journal name servers catch up from.",
    truth: true,
    topic: T,
  },
  {
    name: "AppliedSerial",
    description:
      "The serial each name server last loaded for each zone, as it reported it; observed state, which says when a change is served everywhere and which server lags.",
    truth: false,
    topic: T,
  },
] as const;

export const DNS_WRITES = [
  {
    action:
      "change a zone's record sets: one batch (create, replace, delete) validated and committed atomically at the zone's next SOA serial together with its diff in the change journal",
    entity: "RecordSet",
    shape: "overwrite current value",
    mechanism: "version-check",
    critical: true,
    topic: T,
  },
  {
    action: "create a zone with its SOA and the name servers assigned to it, under the caller's reference",
    entity: "Zone",
    shape: "create target",
    mechanism: "idempotency-key",
    topic: T,
  },
  {
    action:
      "distributors announce each new serial to every name server, which fetches only the diffs after its own serial (the whole zone when the journal no longer holds them), applies them whole and swaps the zone in memory",
    entity: "ZoneChange",
    shape: "async process",
    mechanism: "watch-stream",
    critical: true,
    topic: T,
  },
  {
    action: "each name server reports the serial it loaded for each zone",
    entity: "AppliedSerial",
    shape: "overwrite current value",
    mechanism: "heartbeat-renewal",
    hidden: true,
    topic: T,
  },
  {
    action:
      "withdraw a PoP's anycast route when its probes fail or its applied serial lags the head past the propagation bound, and announce it again once it has caught up",
    entity: "AppliedSerial",
    shape: "async process",
    mechanism: "health-checked-selection",
    critical: true,
    topic: T,
  },
] as const;

export const DNS_READS = [
  {
    action:
      "a name server answers a resolver's query from the zone it holds in memory: the record set with its TTL, a referral for a delegated name, or NXDOMAIN/NODATA carrying the zone's SOA",
    entity: "RecordSet",
    shape: "read projection",
    staleness:
      "the serial this server has loaded, within the propagation bound of a commit; a resolver may then keep an old answer for its TTL, and an absence for min(SOA TTL, SOA MINIMUM)",
    topic: T,
  },
  {
    action: "read a change's status: PENDING until every serving name server reports the change's serial, then INSYNC",
    entity: "AppliedSerial",
    shape: "read projection",
    staleness: "one report from each name server",
    topic: T,
  },
  {
    action: "list a zone's record sets through the API",
    entity: "RecordSet",
    shape: "read source",
    staleness: "none: read from the zone store's committed head",
    topic: T,
  },
] as const;

export const DNS_INVARIANTS = [
  "Every change to a Zone's RecordSets commits at the zone's next SOA serial, in the same write as its ZoneChange diff, and a serial's content never changes afterwards, so a name server at serial s holds exactly the records committed up to s.",
  "A name server applies ZoneChanges in each zone's serial order and whole, swapping the zone in memory at once; it never answers from a half-applied change or moves to a lower serial, and a gap in its serials makes it transfer the whole zone.",
  "A name server answers only from the zones it has loaded: a name the zone lacks gets NXDOMAIN (a missing type NODATA) with the zone's SOA, whose TTL is the smaller of the SOA's TTL and its MINIMUM, so no resolver caches an absence longer than that.",
  "No resolver is answered by a PoP whose applied serial lags the zone's head past the propagation bound, or that fails its probes: its anycast route is withdrawn until it has caught up.",
];

/** The mechanism that keeps each of the DNS service's rules (`keptBy` on the card's invariant marks). */
export const DNS_KEPT_BY: Readonly<Record<string, MechanismId>> = {
  [DNS_INVARIANTS[0] as string]: "version-check",
  [DNS_INVARIANTS[1] as string]: "watch-stream",
  [DNS_INVARIANTS[2] as string]: "ttl-expiry",
  [DNS_INVARIANTS[3] as string]: "health-checked-selection",
};

export const DNS_FAILURES = [
  {
    failure: "A PoP loses its uplink, or its name servers die",
    role: "derived",
    prevention:
      "Every PoP announces the same anycast prefixes, and each name server's health checker withdraws its route when probe queries fail, so BGP carries queries to the next-nearest PoP within seconds",
    repair:
      "The PoP catches up on every zone's serial first (IXFR, or AXFR for a zone the journal no longer covers), then announces its route again",
    topic: T,
  },
  {
    failure: "A query flood or DDoS aimed at the name servers",
    role: "derived",
    prevention:
      "Provision the name servers for several times the peak query rate, let anycast spread the flood over every PoP, rate-limit identical responses per client prefix, and drop malformed or spoofed traffic at the edge",
    repair:
      "A PoP saturated beyond its share withdraws its route so the rest keep answering; resolvers retry another name server of the zone's NS set",
    topic: T,
  },
  {
    failure: "A name server misses a NOTIFY, or its transfer fails",
    role: "derived",
    prevention:
      "NOTIFY is retried until the server acknowledges it, and every server also polls the SOA serial at the zone's refresh interval",
    repair:
      "The serial monitor sees the server's applied serial lag the head; past the bound the PoP withdraws until the server has transferred the missing diffs",
    topic: T,
  },
  {
    failure: "The zone store's primary fails",
    role: "truth",
    prevention:
      "A synchronous standby already holds every committed serial and is promoted; changes are refused for the seconds the failover takes, while every name server keeps answering from the zones it holds",
    repair: "Changes resume on the promoted primary at the next serial; no answer is interrupted meanwhile",
    topic: T,
  },
  {
    failure: "A bad record change (a wrong address, a deleted record) goes out to every PoP",
    role: "truth",
    prevention:
      "Validate each batch on commit (syntax, no CNAME beside other data at a name, NS and glue consistent) and keep every diff in the journal",
    repair:
      "Revert by committing the inverse diff at the next serial, a change like any other, served within the bound; resolvers drop the bad answer as its TTL runs out",
    topic: T,
  },
  {
    failure:
      "A name queried before its record existed stays missing for resolvers after it is created (a cached NXDOMAIN)",
    role: "derived",
    prevention:
      "Keep the SOA MINIMUM and the SOA's own TTL short (minutes), since their minimum is how long a resolver caches the absence",
    repair: "The negative answer expires from resolvers' caches within that TTL; nothing on our side can recall it",
    topic: T,
  },
] as const;

export const DNS_BOTTLENECKS = [
  {
    bottleneck:
      "Queries at each PoP under a flood: every PoP must answer its share of a peak many times the normal one",
    mitigation:
      "Anycast spreads queries over every PoP; each PoP has servers for its share of the provisioned peak, answering from memory",
    formula: {
      yields: "name servers per PoP",
      expression: "max(2, queries_per_sec * ddos_headroom / (pops * server_qps * target_utilisation))",
      unit: "servers",
    },
    topic: T,
  },
  {
    bottleneck: "Every change is sent to every name server: NOTIFYs and transfers multiply by the fleet",
    mitigation:
      "Send only the diff after each server's serial (IXFR), coalesce a zone's changes that arrive within a moment into one serial, and fan out through distributors per region",
    formula: {
      yields: "zone transfers per second across the fleet",
      expression: "changes_per_sec * name_servers",
      unit: "transfers/s",
    },
    topic: T,
  },
  {
    bottleneck: "Every name server holds every zone in memory",
    mitigation: "Compact in-memory records; past one host's memory, split zones over server groups by zone name",
    formula: {
      yields: "memory for every zone on one server",
      expression: "dns_record_sets * record_bytes",
      unit: "B",
    },
    topic: T,
  },
] as const;

export const DNS_COMPONENTS: ComponentSpec[] = [
  {
    id: "zone-owners",
    name: "Zone owners (console, API, infrastructure as code)",
    kind: "client",
    runs: ["change record sets", "create zone", "read change status"],
    because: "people and pipelines change records, and every change must be validated and given a serial",
    topic: T,
  },
  {
    id: "dns-api",
    name: "DNS API (validate, commit at the next serial)",
    kind: "service",
    runs: ["validate record sets", "commit a batch at the zone's next serial", "report change status"],
    because: "a bad record is stopped before it has a serial, and concurrent batches on a zone are serialised",
    topic: T,
  },
  {
    id: "zone-store",
    name: "Zone store (one primary + synchronous standby; zones, record sets and change journal by serial)",
    kind: "replica-group",
    holds: ["Zone", "RecordSet", "ZoneChange"],
    runs: ["commit a change at the next serial", "serve diffs after a serial"],
    because:
      "a zone's records are small and exact, and a change and its diff must commit in one transaction so every serial means one set of records",
    topic: T,
  },
  {
    id: "zone-distributors",
    name: "Zone distributors (announce each serial, send diffs, track applied serials)",
    kind: "service",
    holds: ["AppliedSerial"],
    runs: ["announce a new serial", "send the diffs after a server's serial", "track each server's applied serial"],
    because:
      "the store cannot serve a transfer to every name server; distributors watch it once and serve the diffs to the fleet",
    topic: T,
  },
  {
    id: "name-servers",
    name: "Name servers at every PoP (zones in memory)",
    kind: "worker-pool",
    runs: ["answer queries from memory", "apply diffs in serial order", "report applied serials"],
    because:
      "every query is answered at the nearest PoP from memory, and keeps being answered when the control side is down",
    topic: T,
  },
  {
    id: "pop-health",
    name: "PoP health and serial monitor (takes a failing or lagging PoP out of service)",
    kind: "control-loop",
    runs: ["probe the name servers", "compare applied serials with the head", "withdraw or announce the route"],
    because: "a PoP that cannot answer, or answers from an old serial past the bound, must stop attracting queries",
    topic: T,
  },
  {
    id: "resolvers",
    name: "Resolvers (recursive, on the internet or in the network; cache answers for their TTL)",
    kind: "client",
    runs: ["query the anycast address", "cache answers and absences for their TTLs"],
    because: "clients reach the authority through resolvers, which cache what it answers",
    topic: T,
  },
];

export const DNS_LINKS: LinkSpec[] = [
  { from: "zone-owners", to: "dns-api", kind: "request", label: "change record sets, create zone", topic: T },
  { from: "dns-api", to: "zone-store", kind: "request", label: "commit the diff at the next serial", topic: T },
  { from: "zone-store", to: "zone-distributors", kind: "stream", label: "changes after serial s", topic: T },
  { from: "zone-distributors", to: "name-servers", kind: "stream", label: "new serial for the zone", topic: T },
  { from: "name-servers", to: "zone-distributors", kind: "request", label: "diffs after the applied serial", topic: T },
  { from: "name-servers", to: "zone-distributors", kind: "callback", label: "applied serial", topic: T },
  { from: "resolvers", to: "name-servers", kind: "request", label: "DNS query to the anycast address", topic: T },
  { from: "pop-health", to: "name-servers", kind: "control", label: "withdraw or announce the route", topic: T },
];

export const DNS_API: ApiSpec[] = [
  {
    operation: "change record sets",
    call: "POST /v1/zones/{zone_id}/changes",
    request: ["changes: CREATE, UPSERT or DELETE of record sets", "expected_serial (optional)", "client_token"],
    response: ["change_id", "serial", "status PENDING"],
    errors: [
      "400 invalid record (a CNAME beside other data)",
      "404 unknown zone",
      "409 serial moved (reload and retry)",
    ],
    guarantee:
      "every change in the batch commits at one new serial, or none does; a repeated client_token returns the first result",
    topic: T,
  },
  {
    operation: "change status",
    call: "GET /v1/changes/{change_id}",
    request: ["change_id"],
    response: ["PENDING, or INSYNC once every serving name server reports the change's serial"],
    errors: ["404 unknown change"],
    guarantee: "INSYNC means every PoP still announcing its route answers from that serial or a later one",
    topic: T,
  },
  {
    operation: "create zone",
    call: "POST /v1/zones",
    request: ["apex name", "caller_reference"],
    response: ["zone_id", "name servers to delegate to", "serial"],
    errors: ["409 zone exists for this caller_reference"],
    guarantee:
      "the zone is served by every name server in its NS set before the call returns its name servers as ready",
    topic: T,
  },
  {
    operation: "list record sets",
    call: "GET /v1/zones/{zone_id}/rrsets?name=&type=",
    request: ["zone_id", "start name and type (page)"],
    response: ["record sets with TTLs and values", "serial"],
    errors: ["404 unknown zone"],
    guarantee: "read from the committed head",
    topic: T,
  },
  {
    operation: "DNS query (resolver-facing)",
    call: "UDP or TCP port 53 to the anycast address: QNAME, QTYPE",
    request: ["name", "type", "class IN"],
    response: [
      "the record set with its TTL",
      "a referral (NS and glue) for a delegated name",
      "NXDOMAIN or NODATA with the zone's SOA (TTL = min(SOA TTL, SOA MINIMUM))",
    ],
    errors: ["REFUSED for a zone this service does not serve"],
    guarantee: "answered from memory at the server's loaded serial, never from a half-applied change",
    topic: T,
  },
  {
    operation: "change stream (PoP-facing)",
    call: "read the change log from an offset: each entry a zone, its new serial and its diff",
    request: ["the PoP's last applied offset"],
    response: ["entries after the offset, in commit order"],
    errors: ["offset older than the log keeps: load a full snapshot of every zone, then resume"],
    guarantee: "every zone's diffs arrive in serial order, one stream per PoP whatever the number of zones",
    topic: T,
  },
  {
    operation: "zone transfer (server-facing)",
    call: "NOTIFY(zone, serial) from a distributor, then IXFR(zone, applied serial) from the name server",
    request: ["zone", "the serial the server holds"],
    response: ["the diffs from that serial to the head, or the whole zone (AXFR) when the journal no longer has them"],
    errors: ["NOTAUTH for a server not in the zone's set"],
    guarantee: "diffs arrive in serial order and end at the head's SOA",
    topic: T,
  },
];

export const DNS_DATA: DataSpec[] = [
  {
    entity: "Zone",
    key: ["zone_id"],
    fields: ["apex", "serial", "soa (mname, refresh, retry, expire, minimum)", "ns set", "owner", "caller_reference"],
    indexes: ["(apex)"],
    partitionKey: "zone_id",
    owner: "zone-store",
    topic: T,
  },
  {
    entity: "RecordSet",
    key: ["zone_id", "name", "type"],
    fields: ["ttl", "values"],
    indexes: [],
    partitionKey: "zone_id",
    owner: "zone-store",
    topic: T,
  },
  {
    entity: "ZoneChange",
    key: ["zone_id", "serial"],
    fields: ["deleted records", "added records", "change_id", "actor", "committed_at"],
    indexes: ["(change_id)"],
    partitionKey: "zone_id",
    owner: "zone-store",
    topic: T,
  },
  {
    entity: "AppliedSerial",
    key: ["server_id", "zone_id"],
    fields: ["serial", "reported_at"],
    indexes: ["(zone_id, serial)"],
    partitionKey: "zone_id",
    owner: "zone-distributors",
    topic: T,
  },
];

export const DNS_PROTOCOLS: ProtocolSpec[] = [
  {
    name: "Change a record and serve it from every PoP",
    notation:
      "zone-owners>dns-api[change record sets {records valid}] -> dns-api>zone-store[commit the diff at the zone's next serial {expected serial = current}] -> dns-api>zone-owners[change id, PENDING] -> zone-store>zone-distributors[change at the new serial] -> zone-distributors>name-servers[NOTIFY zone at the new serial] -> name-servers>zone-distributors[IXFR from the applied serial] -> zone-distributors>name-servers[diffs up to the new serial] -> name-servers[apply the diffs and swap the zone in memory {serials follow the applied serial}] -> name-servers>zone-distributors[applied serial] |-> name-servers>zone-distributors[AXFR the whole zone {journal lacks the applied serial}] => done | retry",
    topic: T,
  },
  {
    name: "Change a record and stream it to every PoP",
    notation:
      "zone-owners>dns-api[change record sets {records valid}] -> dns-api>zone-store[commit the diff at the zone's next serial {expected serial = current}] -> dns-api>zone-owners[change id, PENDING] -> zone-store>zone-distributors[append the diff to the change log] -> name-servers>zone-distributors[read the log after the PoP's offset] -> zone-distributors>name-servers[diffs in commit order] -> name-servers[apply the diffs and swap the zone in memory {serials follow the applied serial}] -> name-servers>zone-distributors[applied serial] |-> name-servers>zone-distributors[load a full snapshot {offset older than the log keeps}] => done | retry",
    topic: T,
  },
  {
    name: "Answer a query",
    notation:
      "resolvers>name-servers[query name and type at the anycast address] -> name-servers[look the name up in the zone held in memory] -> name-servers>resolvers[the record set with its TTL {name and type exist}] |-> name-servers>resolvers[NXDOMAIN with the zone's SOA, cached for min(SOA TTL, MINIMUM) {name absent}] => done",
    topic: T,
  },
  {
    name: "A failing or lagging PoP leaves anycast",
    notation:
      "pop-health>name-servers[probe queries and read applied serials] -> pop-health>name-servers[withdraw the anycast route {probes fail or serial behind the head past the bound}] -> resolvers>name-servers[queries reach the next-nearest PoP] -> pop-health>name-servers[announce the route again {caught up and probes pass}] => done | retry",
    topic: T,
  },
];

/** The DNS service's figures: the name servers for the queries, each hop of a change within the bound, memory and fan-out. */
export const DNS_CAPACITY: CapacityModel = {
  inputs: [
    {
      quantity: "queries_per_sec",
      typical: 100000,
      why: "peak queries a mid-sized authoritative service answers (a planning figure)",
    },
    {
      quantity: "pops",
      label: "points of presence announcing the anycast prefixes",
      unit: "PoPs",
      typical: 50,
      why: "a worldwide anycast network keeps a PoP within a short round trip of most resolvers with a few dozen sites (a planning figure)",
    },
    {
      quantity: "server_qps",
      label: "queries one name server answers per second from memory",
      unit: "queries/s",
      typical: 500000,
      why: "an authoritative-only server answering from memory on a multi-core host is planned at hundreds of thousands of queries a second (a planning figure)",
    },
    {
      quantity: "ddos_headroom",
      label: "peak the name servers are provisioned for, over the normal peak",
      unit: "x",
      typical: 10,
      why: "authoritative DNS is a common flood target, so it is provisioned at about ten times its normal peak (a planning figure)",
    },
    {
      quantity: "dns_zones",
      label: "zones served",
      unit: "zones",
      typical: 100000,
      why: "zones hosted by a managed service for its customers (a planning figure)",
      from: {
        expression: "objects",
        why: "each stated domain is one zone the service is the authority for",
      },
    },
    {
      quantity: "records_per_zone",
      label: "record sets in one zone",
      unit: "records",
      typical: 20,
      why: "a typical customer zone holds tens of record sets: apex, www, mail, verification TXT records (a planning figure)",
    },
    {
      quantity: "dns_record_sets",
      label: "record sets served across every zone",
      unit: "record sets",
      typical: 2000000,
      why: "a hundred thousand zones of about twenty record sets each (a planning figure)",
      from: [
        {
          expression: "nodes * 2",
          why: "each stated host has a name of its own: its address record and its reverse (PTR) record",
        },
        { expression: "dns_zones * records_per_zone", why: "each stated domain's zone holds its record sets" },
      ],
    },
    {
      quantity: "record_bytes",
      label: "memory for one record set on a name server",
      unit: "B",
      typical: 200,
      why: "a name, type, TTL and a few values with the server's index overhead, a couple of hundred bytes (a planning figure)",
    },
    {
      quantity: "changes_per_sec",
      typical: 50,
      why: "record changes across every customer's zones at a busy hour: people, deploy pipelines and certificate checks (a planning figure)",
    },
    {
      quantity: "dns_change_bytes",
      label: "bytes of one change's diff sent to a name server",
      unit: "B",
      typical: 500,
      why: "an IXFR of one replaced record set: the old and new SOA and records, a few hundred bytes (a planning figure)",
    },
    {
      quantity: "commit_seconds",
      label: "time to commit a change in the zone store",
      unit: "s",
      typical: 0.02,
      why: "a commit acknowledged by a synchronous standby in another zone of one region takes milliseconds to tens of milliseconds (a planning figure)",
    },
    {
      quantity: "dns_notify_seconds",
      label: "time for a committed serial to reach every name server as a NOTIFY",
      unit: "s",
      typical: 0.5,
      why: "distributors see the commit within about a hundred milliseconds and send one small datagram per server across the world, a few hundred milliseconds (a planning figure)",
    },
    {
      quantity: "transfer_seconds",
      label: "time for a name server's IXFR round trip to a distributor",
      unit: "s",
      typical: 0.6,
      why: "a TCP connection, one request and a small response over an intercontinental path, a few round trips of 100 to 200 ms (a planning figure)",
    },
    {
      quantity: "zone_load_seconds",
      label: "time for a name server to apply a diff and swap the zone in memory",
      unit: "s",
      typical: 0.05,
      why: "applying a few changed records to an in-memory zone takes milliseconds (a planning figure)",
    },
    {
      quantity: "soa_refresh_seconds",
      label: "SOA refresh interval: how often a name server polls the serial as a fallback to NOTIFY",
      unit: "s",
      typical: 300,
      why: "the fallback poll for a server that missed its NOTIFYs, minutes apart (a planning figure)",
      from: {
        expression: "max(0.5, propagation_seconds / 3 - transfer_seconds)",
        why: "the fallback poll is set from the stated propagation bound, a third of it less a transfer (half a second at least), so a server that missed its NOTIFYs still transfers a change within the bound",
      },
    },
  ],
  figures: [
    {
      ...fig(
        "dns_propagation_seconds",
        "time from a committed change to every name server answering with it (commit + NOTIFY + IXFR + load)",
        "time",
        "commit_seconds + dns_notify_seconds + transfer_seconds + zone_load_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    {
      ...fig(
        "refresh_fallback_seconds",
        "longest time to a change for a name server that missed its NOTIFYs and polls the SOA serial instead",
        "time",
        "commit_seconds + soa_refresh_seconds + transfer_seconds + zone_load_seconds",
        "s",
      ),
      bound: "propagation_seconds",
    },
    fig(
      "servers_per_pop",
      "name servers in each PoP for its share of the provisioned peak (two at least, so one can fail)",
      "count",
      "max(2, queries_per_sec * ddos_headroom / (pops * server_qps * target_utilisation))",
      "servers",
      true,
    ),
    fig("name_servers", "name servers across every PoP", "count", "pops * servers_per_pop", "servers"),
    fig(
      "queries_per_server",
      "queries each name server answers at the normal peak",
      "hotspot",
      "queries_per_sec / name_servers",
      "queries/s",
    ),
    fig(
      "provisioned_qps",
      "queries the fleet answers at its planned utilisation, the room left for a flood",
      "headroom",
      "name_servers * server_qps * target_utilisation",
      "queries/s",
    ),
    fig(
      "zone_memory_bytes",
      "memory each name server needs for every zone",
      "storage",
      "dns_record_sets * record_bytes",
      "B",
    ),
    fig(
      "zone_transfers_per_sec",
      "transfers a second across the fleet: every change goes to every name server",
      "fan-out",
      "changes_per_sec * name_servers",
      "transfers/s",
    ),
    fig(
      "transfer_bandwidth",
      "distributors' egress for diffs at the peak change rate",
      "bandwidth",
      "changes_per_sec * name_servers * dns_change_bytes",
      "B/s",
    ),
  ],
};

export const DNS_DECISIONS: DecisionPoint[] = [
  {
    id: "i11-dns-distribution",
    topic: T,
    question:
      "How does a committed serial reach every name server: NOTIFY then IXFR, a push pipeline of our own, or SOA refresh polling?",
    options: [
      {
        id: "notify-ixfr",
        name: "a NOTIFY on every new serial, then an incremental transfer (IXFR) of the diffs after each server's serial (AXFR when the journal lacks them)",
        buys: "the standard protocol: any authoritative server (NSD, Knot, PowerDNS) takes it, a change reaches every server in seconds, and only its diff travels",
        costs: "one NOTIFY and one transfer per zone per server per change, which grows with zones times servers",
        winsWhen:
          "zones number in the thousands to hundreds of thousands and changes must land within seconds to a minute",
        implies: {
          addMechanisms: ["watch-stream"],
          draws: ["zone transfer (server-facing)", "Change a record and serve it from every PoP"],
        },
      },
      {
        id: "push-pipeline",
        name: "a push pipeline: every committed diff appended to one replicated log that each PoP's loader tails and applies to its servers",
        buys: "one stream per PoP whatever the number of zones, in serial order per zone, replayable from an offset",
        costs: "a pipeline of our own instead of the standard transfer protocol, and a loader in every PoP",
        winsWhen: "millions of zones change all the time, so a session per zone per server no longer pays",
        wins: [{ number: "dns_zones", atLeast: 1000000 }],
        implies: {
          addMechanisms: ["watch-stream", "append-log"],
          draws: ["change stream (PoP-facing)", "Change a record and stream it to every PoP"],
          names: [
            {
              component: "zone-distributors",
              name: "Change log and PoP loaders (one ordered log of every zone's diffs, tailed by a loader in each PoP)",
              runs: [
                "append each committed diff",
                "serve the log from a PoP's offset",
                "track each server's applied serial",
              ],
            },
          ],
        },
      },
      {
        id: "refresh-poll",
        name: "name servers poll each zone's SOA serial at its refresh interval and transfer when it moved",
        buys: "no push channel at all: the secondaries pull on their own schedule",
        costs: "a change waits up to a refresh interval, and polling every zone on every server costs queries",
        winsWhen: "changes may take many minutes to reach every server",
        delays: {
          bound: "propagation_seconds",
          seconds: 300,
          why: "a server sees a new serial only at its next SOA poll, and refresh intervals are commonly minutes to hours apart",
        },
      },
    ],
    rules: [
      {
        when: [{ number: "dns_zones", atLeast: 1000000 }],
        option: "push-pipeline",
        because:
          "at millions of zones a NOTIFY and a transfer session per zone per server no longer pay; one ordered stream per PoP does",
      },
      {
        when: [{ stated: "propagation_seconds" }, { number: "propagation_seconds", below: 600 }],
        option: "notify-ixfr",
        because: "a poll at the refresh interval would spend the propagation bound on its own",
      },
    ],
    fallback: {
      option: "notify-ixfr",
      because: "the standard interrupt model: a change spreads in seconds and only its diff travels",
    },
  },
  {
    id: "i11-dns-addressing",
    topic: T,
    question:
      "Announce the name servers' addresses by anycast from every PoP, or give each zone unicast name servers in a few sites?",
    options: [
      {
        id: "anycast",
        name: "anycast: every PoP announces the same prefixes over BGP, and a failing PoP withdraws",
        buys: "each resolver reaches the nearest PoP, a flood is spread over every site, and a lost PoP's queries move with the route",
        costs:
          "BGP sessions at every PoP and a health checker that must withdraw promptly; a route flap moves resolvers between PoPs",
        winsWhen: "resolvers across the internet query the service, worldwide",
      },
      {
        id: "unicast",
        name: "unicast name servers in each data centre, listed in the zone's NS set or the hosts' resolver configuration",
        buys: "no BGP to run; each server is reached at its own address",
        costs:
          "a dead server costs each resolver a timeout before it tries the next, and a flood lands on the few addresses named",
        winsWhen: "the clients are inside our own network (internal or private DNS) and a few sites serve them",
        wins: [
          {
            words: "\\b(?:internal|private|in-house|intranet|inside (?:our|the) (?:network|data ?cent(?:er|re)s?))\\b",
          },
        ],
      },
    ],
    rules: [
      {
        when: [
          {
            words: String.raw`\b(?:internal|private|in-house|intranet|inside (?:our|the) (?:network|data ?cent(?:er|re)s?))\b`,
          },
        ],
        option: "unicast",
        because: "the clients are our own hosts, so a few sites' servers reached by their own addresses serve them",
      },
    ],
    fallback: {
      option: "anycast",
      because: "resolvers anywhere reach the nearest PoP, and a lost or flooded PoP withdraws",
    },
  },
];

export const DNS_SCOPES = {
  topic: T,
  ordering: {
    scope: "partition",
    why: "a zone's changes form one serial sequence that every name server applies in order",
  },
  exclusivity: {
    scope: "key",
    why: "a batch commits only if the zone is still at the serial the caller expected, when it names one",
  },
  coordination: {
    scope: "partition",
    why: "one primary orders each zone's serials; name servers answer with no coordination at all",
  },
} as const;

export const DNS_SILHOUETTE = {
  topic: T,
  storage: "zones, record sets and a change journal by SOA serial on one primary with a synchronous standby",
  coordination:
    "each new serial announced to every name server, which fetches only the diffs after its own, with the applied serials tracked",
  serving: "name servers at anycast PoPs answering every query from zones held in memory",
} as const;

export const DNS_TECHNOLOGIES: NonNullable<ArchetypeInput["technologies"]> = [
  {
    product: "NSD or Knot DNS as the name servers",
    layer: "serving",
    fits: "Authoritative-only servers that answer from zones held in memory and take NOTIFY and zone transfers (IXFR, AXFR) from a primary, so every PoP runs the same standard secondary",
    suits: ["low-latency", "stay-available", "high-throughput"],
    poorFor: ["operational-simplicity"],
    caveat: "Every server holds every zone it serves in memory; very many zones need their server groups split by zone",
    topic: T,
  },
  {
    product: "PowerDNS Authoritative with a PostgreSQL backend as the primary",
    layer: "storage",
    fits: "The API writes record sets to the database, and PowerDNS as primary sends NOTIFYs to the zone's name servers and answers their transfers; a change, its serial and its diff commit in one database transaction",
    suits: ["linearizable", "durable", "operational-simplicity"],
    poorFor: ["elastic-scale"],
    caveat:
      "One primary takes every change, plenty at tens of changes a second; a failover pauses changes for seconds while the PoPs keep answering",
    topic: T,
  },
  {
    product: "BGP anycast with a health checker per name server (BIRD with anycast-healthchecker, or ExaBGP)",
    layer: "coordination",
    fits: "Each server's checker announces the service prefix while probe queries pass and the serial is current, and withdraws it otherwise, so routing moves queries to the next-nearest PoP",
    suits: ["stay-available", "low-latency"],
    poorFor: ["operational-simplicity"],
    caveat: "Needs BGP sessions with every PoP's upstreams; withdrawal takes seconds to converge",
    topic: T,
  },
];

/** What an authoritative DNS design must draw and must not (coherence `dns-shape`). */
export const DNS_SHAPE = {
  entities: ["Zone", "RecordSet", "ZoneChange"],
  propagation: "dns_propagation_seconds",
  bound: "propagation_seconds",
  servers: "servers_per_pop",
  /** Residue of a fleet config rollout or a feature-flag service. */
  residue:
    /\b(?:Rollout controller|Health gate|cohorts? and (?:health )?gates|roll out in stages|feature flags?|SDKs?|LaunchDarkly|AppConfig|Unleash)\b/i,
} as const;
