import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

export const REVIEWS: FeatureEntry = {
  id: "reviews",
  name: "Ratings and reviews",
  summary:
    "One review per (user, subject), editable; the subject's average is kept as a running sum and count updated from review changes, so the page never recomputes it from all reviews.",
  signals: ["rating", "ratings", "review", "reviews", "rate a", "stars"],
  terms: { subject: "business" },
  promptNouns: { subject: ["restaurant", "business", "product", "hotel", "listing", "seller", "driver", "course"] },
  actions: [
    {
      action: "write a review with a star rating for a {subject}",
      shape: "create target",
      entity: "Review",
      // a second review by one author breaks the one rule the feature states (one review per user per subject)
      critical: true,
      substrate: "I16",
      mechanism: "put-if-absent",
    },
    {
      action: "update the {subject}'s average rating",
      shape: "async process",
      entity: "RatingSummary",
      critical: false,
      hidden: true,
      substrate: "I06",
      mechanism: "projector-checkpoint",
    },
    {
      action: "read a {subject}'s reviews and average rating",
      shape: "read projection",
      entity: "RatingSummary",
      critical: false,
      substrate: "I06",
    },
  ],
  entities: [
    { name: "Review", description: "(subject, author) -> stars, text, created, edited" },
    { name: "RatingSummary", description: "per subject: sum of stars, count, histogram" },
  ],
  nfrs: ["one review per user per {subject}", "the average may lag a new review by seconds"],
  invariants: [
    {
      action: "write a review with a star rating for a {subject}",
      statement:
        "A {subject} holds at most one Review per author: the write is keyed by ({subject}, author), so a retry or a second review by the same author finds the first and edits it.",
      keptBy: "put-if-absent",
    },
  ],
  substrates: [
    { id: "I16", role: "substrate", why: "a review is key state under (subject, author)" },
    { id: "I06", role: "output", why: "the summary and the sorted review lists are projections" },
  ],
  // a subject page is read hundreds of times for each review written; the summary is the running sum and count
  // (never recomputed from every review on a read), and a page of reviews is one range read under the subject's key
  hotspot: {
    figure: "review_rows_read_per_sec",
    bottleneck:
      "Review page reads: every {subject} page opened reads its rating summary and a page of reviews, hundreds of times for each review written, and a popular {subject}'s reads all land on the one partition that holds its reviews",
    mitigation:
      "cache each {subject}'s summary and first pages of reviews per sort order and refresh them when one of its reviews changes, keep the average as the running star sum and count so no read scans every review, fetch later pages by a cursor on (sort key, review id), and copy the hottest {subjects}' cached pages to several cache nodes",
  },
  capacity: {
    inputs: [
      inp("subjects", 10e6, "businesses, listings or products that can be reviewed"),
      inp("reviews_per_day", 500000, "new and edited reviews per day"),
      inp("review_bytes", 1500, "text, stars and ids"),
      inp("review_reads_per_sec", 50000, "subject pages opened per second at peak"),
      {
        quantity: "reviews_per_page",
        label: "reviews shown on one page",
        unit: "reviews",
        typical: 20,
        why: "a page lists ten to a few dozen reviews under the rating summary (a planning figure)",
      },
    ],
    figures: [
      fig("review_writes_per_sec", "review writes per second", "rate", "reviews_per_day / 86400", "writes/s"),
      fig(
        "review_rows_read_per_sec",
        "review rows read a second at peak to fill the page of each subject opened",
        "peak",
        "review_reads_per_sec * reviews_per_page",
        "rows/s",
      ),
      fig(
        "review_bytes_per_year",
        "review storage added per year",
        "growth",
        "reviews_per_day * 365 * review_bytes",
        "B",
      ),
      fig(
        "read_write_ratio_reviews",
        "reads per review write",
        "count",
        "review_reads_per_sec / review_writes_per_sec",
        "x",
      ),
    ],
  },
  decisions: [
    {
      id: "rating-aggregate",
      question: "Keep a running sum and count per subject, or recompute the average from all reviews?",
      options: [
        {
          id: "running-sum",
          name: "running star sum and count, adjusted by each review change",
          buys: "the average is one row read",
          costs: "edits and deletes must adjust by the difference exactly once",
          winsWhen: "pages are read far more often than reviews are written",
        },
        {
          id: "recompute",
          name: "recompute from all reviews periodically",
          buys: "self-correcting; supports weighted or filtered averages",
          costs: "scans every review of a subject",
          winsWhen: "ranking needs weights (recency, reviewer trust)",
          // the prompt weights reviews
          wins: [
            {
              words: String.raw`\bweight(?:ed|s|ing)? (?:by )?(?:recency|reviewer|trust|helpfulness)\b|\b(?:recent|verified|trusted) reviews? (?:count|weigh) more\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: { option: "running-sum", because: "reads dominate and the plain average is what pages show" },
    },
    {
      id: "review-moderation",
      question: "Publish reviews at once and moderate after, or hold them for moderation first?",
      options: [
        {
          id: "post-moderate",
          name: "publish, then scan asynchronously and take down",
          buys: "instant feedback for reviewers",
          costs: "abusive or fake reviews are visible for a while",
          winsWhen: "most reviews are honest and volume is high",
        },
        {
          id: "pre-moderate",
          name: "hold until checked",
          buys: "nothing bad is ever shown",
          costs: "delay and moderation cost on every review",
          winsWhen: "one harmful review shown even briefly costs more than delaying every review",
          // the prompt holds each review until it is checked
          wins: [
            {
              words: String.raw`\b(?:approved|moderated|reviewed|checked) before (?:they are |it is |being |they go |it goes )?(?:published|shown|visible|posted|live)\b|\bpre[- ]moderat\w*\b|\bnever (?:shown|published|visible|live) (?:until|before) (?:approved|moderated|reviewed)\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: { option: "post-moderate", because: "volume is high and most reviews are fine" },
    },
  ],
  failures: [
    {
      failure: "A user posts two reviews of the same {subject} (double submit or retry)",
      prevention: "one review per (user, {subject}) with a unique key; a second write edits the first",
      repair: "merge duplicates, keeping the newest",
      role: "truth",
    },
    {
      failure: "The average rating drifts from the reviews it summarises",
      prevention: "keep the sum and count of stars, updated from the review change stream idempotently",
      repair: "recompute the {subject}'s summary from its reviews",
      role: "derived",
    },
    {
      failure: "Fake or paid reviews inflate a {subject}",
      prevention: "only users with a completed order or visit may review; flag bursts from new accounts",
      repair: "remove the flagged reviews and recompute the summary",
      role: "truth",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "reviews with a unique key on (user, {subject}) and the summary row per {subject}",
    },
  ],
  topology: {
    components: [
      {
        id: "review-service",
        name: "Review service",
        kind: "service",
        runs: ["write / edit review", "list reviews"],
        because: "enforces one review per author and emits review changes",
      },
      {
        id: "review-store",
        name: "Review store (partitioned by subject)",
        kind: "store",
        holds: ["Review", "RatingSummary"],
        because: "a subject's reviews are read together, newest or most helpful first",
      },
    ],
    links: [
      { from: "gateway", to: "review-service", kind: "request", label: "write / read reviews" },
      { from: "review-service", to: "review-store", kind: "request", label: "upsert review + adjust sum and count" },
    ],
    api: [
      {
        operation: "write a review",
        call: "PUT /v1/subjects/{subject_id}/reviews/me",
        request: ["subject_id", "stars", "text"],
        response: ["review_id", "average", "count"],
        errors: ["400 stars outside 1-5"],
        guarantee: "at most one review per author; editing replaces it and adjusts the average by the difference",
      },
    ],
    dataModel: [
      {
        entity: "Review",
        key: ["subject_id", "author_id"],
        fields: ["stars", "text", "created_at", "updated_at"],
        indexes: ["(subject_id, created_at desc)", "(author_id)"],
        partitionKey: "subject_id",
        owner: "review-store",
      },
      {
        entity: "RatingSummary",
        key: ["subject_id"],
        fields: ["star_sum", "count", "histogram"],
        indexes: [],
        partitionKey: "subject_id",
        owner: "review-store",
      },
    ],
    entry: "review-service",
    stateOwner: "review-store",
  },
};
