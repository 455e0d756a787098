/**
 * Word-level normalisation the recogniser applies before stemming: abbreviations and
 * spelling variants people use for the same thing. Values are space-separated words.
 */
export const WORD_VARIANTS: Readonly<Record<string, string>> = {
  pubsub: "pub sub",
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

/** Words that count things ("thirty minutes", "a few seconds"): skipped when reading what bounds a count. */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  (
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty " +
    "ninety hundred thousand million few couple several many half single"
  ).split(" "),
);
