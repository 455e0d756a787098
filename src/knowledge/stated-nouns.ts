/**
 * The prompt's nouns and the capacity quantities a number stated with them binds to: "5,000 services",
 * "50 million players", "10k redirects per second". Each quantity id names an entry of `quantities.ts`
 * (with its unit), so a stated figure lands on the names the capacity formulas read.
 */
import type { DailyActivity } from "./quantities.js";

/** What counting in a noun says about another quantity, assumed with the noun as its reason. */
export interface StatedImplication {
  quantity: string;
  value: number;
  because: string;
}

export interface StatedNoun {
  /** The noun phrase (lower case, up to three words). */
  re: RegExp;
  /** The quantity a bare count of this noun states. */
  count?: string;
  /** The per-second quantity a count of it per time unit states. */
  rate?: string;
  /**
   * Other quantities the same number states under their own names (a new short link is also an id to issue; a
   * search is also a query the search and proximity models count).
   */
  also?: string | readonly string[];
  /** The product activity the same rate states per day (for the fleet, or per user). */
  daily?: DailyActivity;
  /**
   * The interval a stated "every N seconds" after this noun sets, when a model counts the rate as its items over that
   * interval ("a reading every 10 seconds" is each sensor's report interval; "1 million alert rules every 30 seconds"
   * each rule's evaluation interval). A noun without one turns its count and the interval into a rate instead.
   */
  interval?: string;
  /**
   * What counting in this noun says about another quantity, assumed with the noun as its reason: a count of
   * redirects says each answer is a small redirect, not a web asset.
   */
  implies?: StatedImplication | readonly StatedImplication[];
  /** The rate is one stream's or one participant's ("30 frames per second"), never the load the fleet serves at its peak. */
  perStream?: true;
}

/**
 * Nouns that name a counted quantity; `rate` is the per-second form when a time unit follows, and
 * `daily` the product activity the same rate also states per day (for the fleet, or per user).
 */
export const STATED_NOUNS: readonly StatedNoun[] = [
  {
    re: /^(?:requests?|reqs?|calls?|rps|hits?|invocations?|api calls?|ops|operations?)$/,
    rate: "requests_per_sec",
  },
  // a query or a search answers from stored state and changes nothing: a read, and a request the front door serves
  // ("answering 100,000 queries per second" sizes the read path, not only the gateway)
  {
    re: /^(?:queries|query|qps|searches|search queries|search requests?|lookup requests?|nearby searches|nearby queries)$/,
    rate: "requests_per_sec",
    also: ["reads_per_sec", "queries_per_sec"],
  },
  // a workflow started (an orchestration, a saga) is the workflow engine's own load, not a generic request
  {
    re: /^(?:workflows?|workflow instances?|workflow executions?|sagas?|orchestrations?|business processes)$/,
    rate: "workflows_per_sec",
  },
  { re: /^(?:writes?|updates?|puts?|mutations?|transactions?|tps|inserts?|uploads?)$/, rate: "writes_per_sec" },
  // taking a lock or registering a member changes replicated state: each is a write ("10k lock acquisitions per
  // second" is a write rate, never 10k locks held)
  {
    re: /^(?:acquisitions?|acquires?|lock acquisitions?|registrations?|deregistrations?|claims?)$/,
    rate: "writes_per_sec",
  },
  // "500,000 permission checks per second": a permission check is a request the service answers
  { re: /^(?:permission checks?|authori[sz]ation checks?|access checks?)$/, rate: "requests_per_sec" },
  // a check a system runs on its own schedule ("releases 50 million scheduled status checks per day", "20,000 health
  // checks per second") is a task it fires, not a request it answers
  { re: /^(?:status|health|liveness|readiness|periodic) checks?$/, rate: "tasks_per_sec" },
  // a bare "2 million checks per second" is a check the service answers: a request
  { re: /^checks?$/, rate: "requests_per_sec" },
  // "the backend can take 5,000 new shoppers per minute": new visitors let onto a protected site a minute are the rate a
  // waiting room lets its line out at (a count of "new users" alone is left to sign-ups)
  {
    re: /^(?:new (?:shoppers?|visitors?|fans?|buyers?|attendees?|sessions?)|admissions?|admitted (?:visitors?|shoppers?|fans?|buyers?|users?))$/,
    rate: "admits_per_sec",
  },
  // a renewal or keep-alive is answered from memory by the leader, a request, not a replicated write
  { re: /^(?:renewals?|keep-?alives?)$/, rate: "requests_per_sec" },
  // "10k resolutions per second" are DNS lookups served; "into five resolutions" (no time unit) is a media
  // pipeline's ladder of outputs made from each upload
  { re: /^resolutions$/, rate: "reads_per_sec", count: "renditions" },
  // a prediction or inference is a request a model serving platform answers ("50,000 predictions per second"); a count
  // of models is what it keeps loaded ("for 200 models", "300 ML models")
  {
    re: /^(?:predictions?|inferences?|inference requests?|prediction requests?|scoring requests?)$/,
    rate: "requests_per_sec",
  },
  {
    re: /^(?:models|ml models|machine learning models|trained models|deployed models|model versions)$/,
    count: "models",
  },
  {
    re: /^(?:reads?|gets?|lookups?|downloads?|views?|page ?views?|pageviews?|resolutions?|visits?)$/,
    rate: "reads_per_sec",
  },
  {
    re: /^(?:redirects?)$/,
    rate: "reads_per_sec",
    implies: {
      quantity: "value_bytes",
      value: 500,
      because: "a redirect answers with a 301 or 302 status and a Location header, a few hundred bytes",
    },
  },
  // A new short link or URL is a write that needs an id; crawled pages are visits.
  { re: /^(?:(?:new |short |shortened )(?:urls?|links?))$/, rate: "writes_per_sec", also: "ids_per_sec" },
  // product activity: a message rate that also states the product's own daily count
  {
    re: /^(?:posts?|tweets?|status updates?|answers?|activities|activity uploads?|stories|pins?|reels?)$/,
    rate: "messages_per_sec",
    daily: "posts",
  },
  // a like or a vote changes the count it is cast on: each one is also a write the store takes
  {
    re: /^(?:likes?|reactions?|kudos|upvotes?|votes?)$/,
    rate: "messages_per_sec",
    also: "writes_per_sec",
    daily: "likes",
  },
  { re: /^(?:messages?|msgs?|chat messages?|texts?)$/, rate: "messages_per_sec", daily: "messages" },
  // a one-time code (or a sign-in link) sent is also a message a provider delivers (archetypes/I16/otp.ts)
  {
    re: /^(?:(?:one[- ]time |verification |login |sign[- ]in |sms |otp |2fa |security |confirmation )?(?:codes?|passcodes?)|otps?|one[- ]time passwords?|magic links?|sign[- ]in links?|login links?)$/,
    rate: "codes_per_sec",
    also: "messages_per_sec",
  },
  // "at most 5 wrong guesses per code", "locks after 5 failed attempts": the tries one secret takes before it is refused
  {
    re: /^(?:(?:wrong|failed|incorrect|bad|invalid|unsuccessful) (?:guesses|attempts|tries|entries)|guesses)$/,
    count: "attempt_limit",
  },
  // a booking or reservation confirms items of a sale (seats, slots): the booking feature's own rate, which sizes the
  // item rows' conditional writes
  { re: /^(?:bookings?|reservations?|seat bookings?|ticket bookings?)$/, rate: "bookings_per_sec" },
  // an order or a purchase placed is also a booking confirmed where the design books items (a ticket, a seat), so the
  // stated rate is the bookings the inventory takes, never a typical busy hour's beside it
  { re: /^(?:orders?|purchases?)$/, rate: "messages_per_sec", daily: "orders", also: "bookings_per_sec" },
  { re: /^(?:payments?|money transfers?|transfers?)$/, rate: "messages_per_sec", daily: "transfers" },
  { re: /^(?:rides?|trips?|deliveries)$/, rate: "messages_per_sec", daily: "rides" },
  // a photo or video is a stored object; stated per day it is an upload (a write)
  { re: /^(?:photos?|images?|pictures?|videos?|clips?)$/, count: "objects", rate: "writes_per_sec", daily: "uploads" },
  {
    re: /^(?:events?|notifications?|webhooks?|webhook deliveries|emails?|sms|pushes|push notifications?|charges?|refunds?|clicks?|logs?|log lines?|lines?|comments?|edits?|operations per document|changes?|impressions?|plays|listens)$/,
    rate: "messages_per_sec",
  },
  // an increment changes a stored count: an event to count and a write the store takes ("5 million increments per
  // second" is the write rate that sizes the hot path, never left beside a typical request rate)
  {
    re: /^(?:increments?|decrements?|counter updates?|counter increments?)$/,
    rate: "messages_per_sec",
    also: "writes_per_sec",
  },
  {
    re: /^(?:samples?|data ?points?|datapoints?|points?|metrics?|measurements?|readings?)$/,
    rate: "samples_per_sec",
    interval: "scrape_seconds",
  },
  // an alert rule is evaluated on a schedule: a count of them over their interval is the evaluation rate
  {
    re: /^(?:alert(?:ing)? rules?|alert definitions?|alert(?:ing)? conditions?)$/,
    count: "alert_rules",
    interval: "eval_interval_seconds",
  },
  // a span is one timed operation of a distributed trace (archetypes/I18/traces.ts)
  { re: /^(?:spans?|trace spans?)$/, rate: "spans_per_sec" },
  // a venue's seats or a sale's tickets are the items one event sells (a seat is held, then sold once); sold per
  // second they are bookings
  {
    re: /^(?:seats?|tickets?|tickets? on sale|tickets? available)$/,
    count: "items_per_event",
    rate: "bookings_per_sec",
  },
  {
    re: /^(?:ids?|identifiers?|unique ids?|sequence numbers?|ticket numbers?|ticket ids?|invoice numbers?|short urls?|short links?)$/,
    rate: "ids_per_sec",
  },
  {
    re: /^(?:tasks?|jobs?|functions?|executions?|runs?|builds?|submissions?|code submissions?|invocations?|test runs?)$/,
    count: "timers",
    rate: "tasks_per_sec",
  },
  { re: /^(?:timers?|schedules?|reminders?|scheduled jobs?|cron jobs?)$/, count: "timers", rate: "tasks_per_sec" },
  // "3,000 auctions run live at the same time": the auctions open at once, which the auction model sizes itself by
  // (archetypes/I13/auction.ts), never a count of generic timers
  { re: /^(?:auctions?|live auctions?|open auctions?|running auctions?)$/, count: "auctions" },
  { re: /^(?:pages?|urls?|web ?pages?|sites?|websites?|documents? crawled)$/, count: "items", rate: "items_per_sec" },
  // the demand partners an ad exchange sends each bid request to ("fans each one out to 20 DSPs"): its fan-out
  {
    re: /^(?:dsps?|demand[- ]side platforms?|demand partners?|demand sources?|bidding partners?|buyers? platforms?)$/,
    count: "bidders",
  },
  // a bidder is a person bidding on an item (an auction's users) or a demand partner an exchange calls: both readings
  // are kept, and the design reads the one its subject sizes
  { re: /^bidders?$/, count: "users", also: "bidders" },
  // a library's registered borrowers are its users (the lending feature sizes loans and holds from them)
  { re: /^(?:patrons?|library patrons?|cardholders?|library members?)$/, count: "users" },
  // a business's branches (a library's, a bank's): places that each keep their own shelves or desks and run the service
  { re: /^(?:library |bank |local )?branches$/, count: "sites" },
  // places that keep their own stock ("a chain of 500 warehouses", "40 depots", "3 distribution centres"): each is one
  // site of the system, never a population of records or users
  {
    re: /^(?:warehouses|depots|(?:distribution|fulfil?ment|logistics|regional distribution) (?:centres|centers)|stockrooms)$/,
    count: "sites",
  },
  {
    re: /^(?:users?|customers?|accounts?|subscribers?|people|players?|members?|daily active users|monthly active users|active users|dau|daus|mau|maus|riders?|athletes?|gamers?|patients?|shoppers?|buyers?|viewers?|guests?|diners?|fans?|attendees?|employees?|students?|learners?|engineers?|developers?|planners?|employers?|moderators?|citizens?|residents?|callers?|concertgoers?|spectators?|visitors?|voters?|ticket buyers?|bidders?|mailboxes|mailbox|inboxes|inbox|email accounts?|mail accounts?)$/,
    count: "users",
  },
  // people named by what they do with the product or who they are to it ("100 million listeners", "5 million readers",
  // "2 million passengers", "pet owners", "moviegoers"): each is one account the product serves, the users every
  // per-user figure multiplies (never things kept one record each, nor a channel's watchers)
  {
    re: /^(?:(?:music |podcast |radio )?listeners?|readers?|travell?ers?|commuters?|passengers?|investors?|traders?|renters?|donors?|creators?|authors?|artists?|musicians?|hikers?|cyclists?|parents?|teachers?|tutors?|doctors?|clinicians?|nurses?|freelancers?|job ?seekers?|applicants?|homeowners?|(?:pet|car|dog|cat|home|vehicle|small business|property) owners?|audience members?|[a-z]+goers?|bettors?|gamblers?|sports fans?|end users?|app users?|mobile users?|tourists?)$/,
    count: "users",
  },
  // a sale's interchangeable units ("1 million shoppers compete for 10,000 units", "5,000 pairs"): the stock put on sale
  { re: /^(?:units?|units? of stock|pairs?|items? in stock)$/, count: "units_for_sale" },
  // a venue's seats or a sale's tickets are the items one event sells (a seat is held, then sold once)
  // drivers and couriers are users whose position the proximity index tracks
  { re: /^(?:drivers?|couriers?|dashers?)$/, count: "users", also: "moving_objects" },
  // a packet is the unit a layer-3/4 data plane forwards ("spreads 10 million packets per second"): a forwarding rate
  // sized per forwarding machine, never a request rate of an HTTP tier
  { re: /^(?:packets?|network packets?|ip packets?|datagrams?|udp datagrams?|pps|mpps)$/, rate: "packets_per_sec" },
  // a video frame is sent by each participant's stream ("30 frames per second"): a rate per stream, not a request
  { re: /^(?:frames?|video frames?)$/, rate: "frames_per_sec", perStream: true },
  // a pod or container is the unit a cluster scheduler places: counted per time it is placements, the scheduler's
  // task rate ("places 10,000 pods per minute"); counted alone it is the fleet a service runs as
  { re: /^(?:pods?|containers?)$/, count: "nodes", rate: "tasks_per_sec" },
  {
    re: /^(?:nodes?|hosts?|servers?|machines?|instances?|vms?|pods?|containers?|proxies|proxy|brokers?|boxes|gateways?|enforcement points?|edge nodes?|pops?|points of presence|edge locations?|edge sites?)$/,
    count: "nodes",
  },
  { re: /^(?:workers?|consumers?)$/, count: "workers" },
  // a GPU (or another accelerator) is the unit a training or inference fleet is counted and shared in ("600 GPUs",
  // "shares 20,000 GPUs among 400 teams"): its own count, never machines (one machine holds several)
  { re: /^(?:gpus?|tpus?|accelerators?|gpu cards?|graphics cards?)$/, count: "accelerators" },
  // machines that run the work handed to them (build agents, CI runners, executors): a fleet of hosts; where the
  // prompt runs or places its work on them they are its workers (PLACED_ONTO in engine/nfr-parse.ts)
  { re: /^(?:agents?|build agents?|runners?|executors?)$/, count: "nodes" },
  // machines named for the work they run ("500 worker machines", "200 worker nodes") are the worker fleet, and nodes
  { re: /^worker (?:nodes?|machines?|servers?|hosts?|instances?|vms?|pods?|boxes)$/, count: "workers", also: "nodes" },
  // databases (or database instances) a service keeps, backs up or restores: counted apart from the servers they run on
  { re: /^(?:databases?|database instances?|db instances?)$/, count: "databases" },
  // a business the product lists: each is a property whose rooms or nights are sold, or a merchant whose goods or
  // tables are (the stay and fulfilment features size their inventory and menus from these counts)
  { re: /^(?:hotels?|motels?|resorts?|hostels?|inns?|properties|vacation rentals?|rentals?)$/, count: "properties" },
  {
    re: /^(?:restaurants?|stores?|shops?|merchants?|sellers?|vendors?|retailers?|cafes?|pharmacies|grocers?|groceries)$/,
    count: "merchants",
  },
  {
    re: /^(?:connections?|clients?|sessions?|devices?|phones?|websockets?|sockets?)$/,
    count: "clients",
  },
  // a connected machine named by its kind ("3 million smart thermostats", "20k wind turbines", "30,000 handheld
  // scanners", "6 million card terminals"): a device that holds its own connection and reports what it measures
  {
    re: /^(?:(?:smart|connected|iot|handheld|card|checkout|payment|pos|edge|home|electricity|water|gas|parking|wind|solar) )?(?:thermostats?|meters?|smart meters?|wearables?|turbines?|scanners?|terminals?|routers?|cell towers?|towers?|trackers?|cameras?|doorbells?|kiosks?|tills?|inverters?|chargers?|set-top boxes|appliances?|vehicles?|cars?)$/,
    count: "clients",
    also: "devices",
  },
  // an employee's own computer ("10 million company laptops", "40,000 staff desktops"): a machine each person keeps
  // and a service works on one by one (backs up, patches, manages), never a connection held open
  {
    re: /^(?:(?:company|employee|staff|corporate|work|office|managed|personal|school|student) )?(?:laptops?|desktops?|workstations?|pcs|computers?|notebooks?|macbooks?)$/,
    count: "devices",
    // planning figures for one person's computer, in place of a server's disk and churn
    implies: [
      {
        quantity: "source_bytes",
        value: 50e9,
        because: "one person's computer holds tens of gigabytes of their own files and apps (a planning figure)",
      },
      {
        quantity: "daily_change_ratio",
        value: 0.005,
        because:
          "a person edits or adds a few hundred megabytes of files on a working day, about half a percent of what the computer holds (a planning figure)",
      },
    ],
  },
  // "10 million concurrent viewers" counts people connected at the same moment, never a user base to divide over a
  // day: each is a connected client and, where a stream is played, one concurrent stream the egress is sized by
  {
    re: /^concurrent (?:users|connections|sessions|clients|streams)$/,
    count: "clients",
    also: "concurrent_streams",
  },
  // people named by what they do at once ("concurrent viewers") are connections held open at the peak, not a user
  // base: the per-user daily figures keep a typical user base, which is larger than any moment's audience
  {
    re: /^(?:concurrent|simultaneous|live) (?:people|viewers|watchers|listeners|players|members|customers|subscribers|fans|spectators|attendees)$/,
    count: "clients",
    also: ["concurrent_streams", "open_connections"],
  },
  { re: /^(?:leases?|locks?|mutexes|holders?)$/, count: "leases" },
  { re: /^(?:partitions?|shards?)$/, count: "partitions" },
  {
    re: /^(?:keys?|objects?|files?|items?|entries|documents?|rows?|records?|domains?|dns records?|blobs?|artifacts?|packages?|products?|listings?|skus?|stock keeping units?|titles?)$/,
    count: "objects",
  },
  // an embedding is one stored vector a nearest-neighbour index holds ("1 billion embeddings", "500M vectors")
  {
    re: /^(?:embeddings?|vectors?|embedding vectors?|(?:text|image|document|product|item|user|song|track|face) (?:embeddings|vectors)|(?:document |text )?chunks|passages)$/,
    count: "objects",
  },
  // a sensor reports one series of readings
  { re: /^(?:series|time series|time-series|active series|sensors?)$/, count: "series" },
  // deployment regions and data centres, and continents served (one region on each keeps its users near one);
  // availability zones sit inside one region (failure domains), and zones of a city or a map are places the service
  // covers, neither of them a region it runs in
  { re: /^(?:regions?|data ?cent(?:er|re)s?|datacent(?:er|re)s?|dcs?|continents?)$/, count: "regions" },
  { re: /^(?:availability zones?|azs?)$/, count: "failure_domains" },
  // the areas a map is divided into, each computed on its own (a city's pricing zones, hexagon cells, tiles): places
  // the work is partitioned by, never regions the service runs in; "every 30 seconds" after them is how often each is
  // recomputed (a bare "3 zones" is read as availability zones by the parser, a handful being a region's zones)
  {
    re: /^(?:(?:city|pricing|surge|delivery|service|map|geographic|geo|market|hexagon|hex|grid|geohash|h3) (?:zones?|cells?|areas?)|zones?|hexagons?|hexes|geofences?|districts?|neighbou?rhoods?)$/,
    count: "zones",
    interval: "zone_recompute_seconds",
  },
  { re: /^(?:replicas?|copies)$/, count: "replicas" },
  { re: /^(?:backends?|upstreams?)$/, count: "backends" },
  // a service is one logical name with several instances behind it; a proxy balances over them as backends
  { re: /^(?:services?|microservices?)$/, count: "services", also: "backends" },
  { re: /^(?:tenants?|teams?|organi[sz]ations?|orgs?)$/, count: "tenants" },
  // what a media pipeline makes of each upload: a ladder of resolutions or bitrates, a set of thumbnail sizes
  {
    re: /^(?:renditions|bitrates|bit rates|thumbnail sizes|image sizes|output formats|quality levels)$/,
    count: "renditions",
  },
  // an event or message type a bus publishes is one topic its subscribers pick ("300 event types")
  { re: /^(?:topics?|queues?|streams?|event types?|message types?)$/, count: "partitions" },
  { re: /^(?:consumer groups?|subscriptions?)$/, count: "consumer_groups" },
  { re: /^(?:watchers?|followers?)$/, count: "subscribers" },
  { re: /^(?:rooms?|channels?|conversations?|chats?|boards?|spreadsheets?)$/, count: "subjects" },
  { re: /^(?:editors?|collaborators?|participants?)$/, count: "participants" },
  // a place a map or local search lists: a point the location index holds that rarely moves, and one of the stored
  // records the search index and store keep (a restaurant or a shop is a merchant, above)
  {
    re: /^(?:places?|businesses|points? of interest|pois?|venues?|landmarks?|attractions?|local businesses)$/,
    count: "places",
    also: "objects",
  },
];

/**
 * Words that count occurrences of the noun before them ("workflow starts", "job runs", "order submissions"): the
 * phrase counts that noun's own events, so its rate is the noun's rate, not a request rate of an unlisted kind.
 */
export const OCCURRENCE_HEADS =
  /^(?:starts?|started|runs?|executions?|executed|launch(?:es)?|launched|invocations?|invoked|submissions?|submitted|creations?|created|completions?|completed|fir(?:es|ed|ing)|trigger(?:s|ed|ing)|sent|processed|handled|served|delivered|received|ingested)$/;

/**
 * Nouns the people a prompt counts gather in: a count of people who act on "the same board" or "each room", or that
 * "each document" holds, is one subject's participants, not the product's users.
 */
export const SUBJECT_NOUNS =
  /^(?:boards?|whiteboards?|canvases|canvas|documents?|docs?|rooms?|channels?|chats?|group chats?|groups?|conversations?|spreadsheets?|sheets?|files?|games?|matches|match|races?|sessions?|meetings?|calls?|classes|class|lectures?|webinars?|town halls?|all-hands meetings?|streams?|lobbies|lobby|projects?|notebooks?|pages?|designs?|diagrams?|auctions?|auction lots?|auction items?)$/;

/**
 * Nouns a count of bidders gathers in besides SUBJECT_NOUNS: bidders on "the same item" or "each lot" are one
 * auction's participants (an item is an auction's subject only for people who bid on it; "users buying the same item"
 * are a product's users).
 */
export const BID_SUBJECT_NOUNS = /^(?:items?|lots?|listings?|products?)$/;
/** A count noun that names people who bid: their "same item" is one auction. */
export const BIDDER_NOUNS = /^bidders?$/;

/**
 * The quantity that counts an archetype's unit record (a topology's `unit.entity`), where its capacity model counts
 * them: a prompt that renames the unit with its own noun ("a session store holding 80 million sessions": the
 * key-value store's KeyValue record becomes Session) and counts that noun states how many the store holds, whatever
 * the noun's own entry above reads it as (a session is otherwise a connected client).
 */
export const UNIT_COUNTS: Readonly<Record<string, string>> = {
  KeyValue: "objects",
  CacheItem: "objects",
  Manifest: "objects",
  Schedule: "timers",
};
