import type { DecisionPoint } from "../../decisions/types.js";

/** The decision points: each trade-off, what its options buy and cost, when each wins, and the rules that pick one. */
export const decisions: DecisionPoint[] = [
  {
    id: "i14-addressing",
    question: "Address content by digest, or by name and version?",
    options: [
      {
        id: "by-digest",
        name: "content-addressed by digest, with mutable tags pointing at digests",
        buys: "deduplication, integrity checks and caches that never need purging",
        costs: "a separate mutable tag pointer, and garbage collection of unreferenced blobs",
        winsWhen: "artifacts are shared and cached widely",
        // the prompt addresses artifacts by their content's digest
        wins: [
          { words: String.raw`\b(?:by|their|its) (?:content )?(?:digests?|hash(?:es)?)\b|\bcontent[- ]address\w*` },
        ],
        implies: { addMechanisms: ["content-addressing", "head-pointer-cas", "reference-gc"] },
      },
      {
        id: "by-name",
        name: "by name and version, overwritten in place",
        buys: "the simplest layout",
        costs: "caches and mirrors can serve mixed or stale versions; no deduplication",
        winsWhen: "a small private store with few readers",
      },
      {
        id: "by-name-once",
        name: "by name and version, each version published once and never replaced, with movable tags naming versions",
        buys: "readers ask by the names and versions they depend on, and a published version is the same bytes forever, so caches and mirrors never serve a changed one",
        costs:
          "a mistaken publish can only be deprecated and followed by a new version; identical content under two versions is stored twice",
        winsWhen: "people depend on names and versions, and a published version must never change",
        // the prompt says a published version never changes
        wins: [
          {
            words: String.raw`\bimmutable (?:(?:package|artifact|model|image) )?(?:versions?|releases?|packages?|artifacts?)\b|\b(?:published|released) (?:versions?|packages?|releases?|artifacts?)\b[^.;]{0,30}\b(?:never|cannot|can't|must not) (?:change|be (?:changed|overwritten|modified|replaced|republished))\b|\bnever (?:overwrite|change|republish) (?:a |an )?(?:published )?(?:versions?|releases?|packages?)\b|\b(?:published|released)\b(?: (?!and\b|but\b)[\w']+){0,6},? (?:and )?(?:is |are )?(?:never|nobody (?:may|can)|no one (?:may|can)|cannot|can't|can never|must not|may not)(?: (?:ever|be|again))* (?:chang|alter|overwrit|modif|replac|republish|edit)\w*|\bfrozen once (?:published|released)\b|\b(?:versions?|releases?|builds?|bundles?|artifacts?|packages?|packs?)\b(?: [\w-]+){0,4} that (?:never|cannot|can't) (?:be )?(?:chang|alter|overwrit|modif|replac)\w*`,
          },
        ],
        // npm refuses a publish over a version already published, even one unpublished since, and moves only its
        // dist-tags (npm docs: npm-publish, npm-dist-tag); PyPI refuses a file name once used; a Maven Central release is
        // immutable once published
        usedBy: ["npm registry", "PyPI", "Maven Central"],
        implies: {
          // a tag (latest) moves between versions by compare-and-set; the version itself is never written twice
          addMechanisms: ["head-pointer-cas"],
          names: [
            {
              component: "blob-store",
              name: "Version store (one immutable archive per name and version, object storage)",
            },
            { component: "metadata-db", name: "Metadata DB (versions with their integrity digests, tags)" },
          ],
        },
      },
    ],
    rules: [
      { when: [{ number: "objects", below: 1000 }], option: "by-name", because: "a small store with few artifacts" },
    ],
    fallback: { option: "by-digest", because: "immutability by digest makes caching and verification free" },
  },
  {
    id: "i14-distribution",
    question: "Serve pulls from the origin, through a CDN, or peer to peer?",
    options: [
      {
        id: "origin",
        name: "straight from the origin store",
        buys: "nothing extra to run",
        costs: "a rollout's whole volume hits the origin at once",
        winsWhen: "rollouts are small",
        implies: { draws: ["pullers>blob-store", "Pull straight from the origin"] },
      },
      {
        id: "cdn",
        name: "through a CDN or pull-through caches",
        buys: "origin bandwidth drops to one copy per cache site",
        costs: "cache fill storms when a new artifact is first pulled everywhere",
        winsWhen: "pull bandwidth reaches gigabytes per second",
        wins: [{ number: "pull_bandwidth", atLeast: 1000000000 }],
        implies: { addMechanisms: ["request-coalescing"], draws: ["cdn-edge", "Pull by tag, verify by digest"] },
      },
      {
        id: "p2p",
        name: "peer to peer between pulling nodes (Kraken, Dragonfly)",
        buys: "rollout bandwidth grows with the fleet itself",
        costs: "a tracker and agents on every node",
        winsWhen: "one rollout moves tens of terabytes",
        wins: [{ number: "rollout_bytes", atLeast: 10000000000000 }],
        implies: { draws: ["p2p-tracker", "Pull from peers"] },
      },
    ],
    rules: [
      {
        when: [{ number: "rollout_bytes", atLeast: 1e13 }],
        option: "p2p",
        because: "one rollout moves tens of terabytes",
      },
      {
        when: [{ number: "pull_bandwidth", atLeast: 1e9 }],
        option: "cdn",
        because: "pull bandwidth reaches gigabytes per second",
      },
    ],
    fallback: { option: "origin", because: "the pull volume fits the origin" },
  },
];
