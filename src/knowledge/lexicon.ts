/**
 * Word-level normalisation the recogniser applies before stemming: abbreviations and
 * spelling variants people use for the same thing. Values are space-separated words.
 */
export const WORD_VARIANTS: Readonly<Record<string, string>> = {
  pubsub: "pub sub",
  // an X-ray is an image, never the Ray compute framework its second half would name
  "x-ray": "xray",
  "x-rays": "xrays",
  kv: "key value",
  "k/v": "key value",
  kvs: "key value",
  keyvalue: "key value",
  db: "database",
  dbs: "database",
  msg: "message",
  msgs: "message",
  config: "configuration",
  configs: "configuration",
  cfg: "configuration",
  k8s: "kubernetes",
  lb: "load balancer",
  lbs: "load balancer",
  ratelimit: "rate limit",
  ratelimiter: "rate limiter",
  ratelimiting: "rate limiting",
  qps: "requests per second",
  rps: "requests per second",
  tps: "transactions per second",
  uuid: "unique id",
  uuids: "unique id",
  guid: "unique id",
  identifier: "id",
  identifiers: "id",
  ids: "id",
  timeseries: "time series",
  tsdb: "time series database",
  faas: "function as a service",
  cdns: "cdn",
  dlq: "dead letter queue",
  mq: "message queue",
  "e-mail": "email",
  mutex: "mutual exclusion lock",
  leaderelection: "leader election",
  healthcheck: "health check",
  healthchecks: "health check",
  failover: "fail over",
  "fail-over": "fail over",
  backoff: "back off",
  cron: "cron schedule",
  crontab: "cron schedule",
  filesystem: "file system",
  filesystems: "file system",
  dedupe: "deduplicate",
  dedup: "deduplicate",
  idempotent: "idempotency",
  webhooks: "webhook",
  realtime: "real time",
  multiregion: "multi region",
  geo: "geographic",
  colour: "color",
};

/** Function words dropped before matching; signal phrases get the same treatment. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the of to for and or in on with that this these those is are be been being by it its from as at into " +
    "we our us i you your they their them he she his her my me there here which who whom whose what when where how " +
    "can could should would will shall may might must do does did has have had so such than then also just " +
    "design designing build building implement implementing create creating make making please let lets like style " +
    "similar some any each every all per via using use uses used up out about"
  ).split(" "),
);

/** Cardinal number words and their values ("three services", "fifty nodes"): the one table every reader of them uses. */
export const CARDINAL_WORDS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** The tens that a unit joins with a hyphen ("twenty-five", "ninety-nine"). */
const TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"] as const;
const UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"] as const;

/**
 * Every cardinal from zero to ninety-nine in words: the base words above and each ten joined to a unit by a hyphen
 * ("twenty-five"). Readers match the joined form with a space too ("twenty five").
 */
export const CARDINALS_TO_99: Readonly<Record<string, number>> = {
  ...CARDINAL_WORDS,
  ...Object.fromEntries(
    TENS.flatMap((t) => UNITS.map((u, k) => [`${t}-${u}`, (CARDINAL_WORDS[t] ?? 0) + k + 1] as const)),
  ),
};

/** Words that multiply the count before them ("twenty thousand", "a billion", "two hundred and fifty"). */
export const SCALE_WORDS: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/**
 * Words that name a set of a known size: "a dozen", "a couple of", "a single". ("Pair" is left out: "a trading pair",
 * "a key-value pair" name a thing, not two.) "Couple" counts only after its article ("a couple of regions").
 */
export const SET_WORDS: Readonly<Record<string, number>> = { dozen: 12, couple: 2, single: 1 };

/** Fractions said before a scale word: "half a million" is 500,000, "a quarter of a million" 250,000. */
export const FRACTION_WORDS: Readonly<Record<string, number>> = { half: 0.5, quarter: 0.25 };

/**
 * Whether a text counts something in digits or in number words ("3 regions", "thirty seconds", "a dozen shards", "half
 * a million users"): a count of machines, regions, shards or copies binds a figure only where the prompt says one, never
 * from a word that only implies several ("worldwide", "multi-region", "global").
 */
export function countsAmount(text: string): boolean {
  if (/\d/.test(text)) return true;
  return text
    .toLowerCase()
    .split(/[^a-z-]+/)
    .flatMap((w) => [w, ...w.split("-")])
    .some((w) => [CARDINALS_TO_99, SCALE_WORDS, SET_WORDS, FRACTION_WORDS].some((table) => Object.hasOwn(table, w)));
}

/** Words that count without being a cardinal of their own: scale words and quantifiers ("a few", "half", "several"). */
const QUANTITY_WORDS = "hundred thousand million few couple several many half single".split(" ");

/**
 * Words that count things ("thirty minutes", "a few seconds"): every cardinal of `CARDINAL_WORDS` and the quantity
 * words; skipped when reading what bounds a count.
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([...Object.keys(CARDINAL_WORDS), ...QUANTITY_WORDS]);

/**
 * Words that stand for or pick out a thing but never name a kind of thing: pronouns, relative words, determiners and
 * quantifiers ("that stores 200 TB", "across three services", "each service"). With `NUMBER_WORDS` they are never a
 * unit, an entity or a resource the prompt names.
 */
export const REFERRING_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the that this these those it its they them their which who whom whose what whatever whichever " +
    "each every any all some both either neither no none another other such same own zero"
  ).split(" "),
);

/** Whether a word only refers or counts (`REFERRING_WORDS`, `NUMBER_WORDS`): never a noun a design names. */
export const isReferringWord = (word: string): boolean => {
  const w = word.toLowerCase();
  return REFERRING_WORDS.has(w) || NUMBER_WORDS.has(w);
};

/**
 * Words people use for the same idea when stating a requirement, for the word families of
 * `signals/combinations.ts` only (other signals keep their exact words). A family that lists the
 * head word also accepts each synonym; evidence quotes the word the prompt used.
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  delete: ["purge", "erase", "wipe"],
  cancel: ["void", "revoke"],
  remind: ["nudge"],
  rebuild: ["reconstruct", "recreate", "reconstitute"],
  regenerate: ["reassemble", "recompile", "rerender"],
  lag: ["trail", "trails", "trailing"],
  drift: ["diverge", "skew", "desync", "deviate"],
  same: ["identical", "matching"],
  edit: ["modify", "alter", "reorder", "rearrange", "drag", "rename"],
  owner: ["holder", "assignee"],
  claim: ["grab", "seize", "acquire"],
  unique: ["distinct", "unrepeated"],
  throttle: ["meter"],
  burst: ["surge", "storm"],
  dead: ["unresponsive", "unreachable"],
  silent: ["quiet", "mute", "unheard"],
  revert: ["undo", "restore", "reverse", "back out"],
  disks: ["drives", "ssds", "hdds"],
  files: ["objects", "blobs", "archives", "snapshots", "backups"],
  measurements: ["datapoints", "stats", "statistics", "telemetry"],
  chart: ["graph", "plot", "visualise", "visualize"],
  replay: ["reprocess", "rerun", "reread", "rewind", "reingest"],
  consumer: ["listener", "processor"],
  isolated: ["sandboxed", "jailed"],
  immutable: ["frozen", "unchangeable", "permanent", "read only"],
  merge: ["reconcile", "combine", "unify"],
  nearest: ["closest", "nearby", "neighbouring", "neighboring"],
  writable: ["updatable", "modifiable"],
  agree: ["concur", "ratify"],
};
