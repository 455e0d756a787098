import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";
import { LEADERBOARD_PROTOCOLS } from "./protocols.js";

export const LEADERBOARD: FeatureEntry = {
  id: "leaderboard",
  name: "Leaderboards",
  summary:
    "Scores are kept per player and board; the ranking is a sorted set per board and period (score -> member), so top-N and a player's rank are logarithmic-time reads. Boards for a period roll over at a due time; one huge board is split into score buckets or approximated.",
  signals: ["leaderboard", "high scores", "top scores", "top players", "rank players", "ranking of players"],
  terms: { player: "player", board: "board" },
  actions: [
    {
      action: "submit a {player}'s score to a {board}",
      shape: "overwrite current value",
      entity: "Score",
      critical: true,
      substrate: "I16",
      // a best score only rises: a conditional max at the store (Redis ZADD GT updates an existing member only
      // when the new score is greater, redis.io ZADD), not a version check nor last-writer-wins
      mechanism: "max-update",
    },
    {
      action: "see the top {players} of a {board}",
      shape: "read projection",
      entity: "RankedBoard",
      critical: false,
      substrate: "I06",
      mechanism: "derived-view-read",
    },
    {
      action: "see a {player}'s rank and the {players} around them",
      shape: "read projection",
      entity: "RankedBoard",
      critical: false,
      substrate: "I06",
    },
    {
      action: "apply each new best score to the ranked {board}",
      shape: "async process",
      entity: "RankedBoard",
      critical: false,
      hidden: true,
      substrate: "I06",
      mechanism: "projector-checkpoint",
    },
    {
      action: "close each period's {board} when it ends and start the next",
      shape: "async process",
      entity: "RankedBoard",
      critical: false,
      hidden: true,
      substrate: "I03",
      mechanism: "due-time-index",
    },
  ],
  entities: [
    { name: "Score", description: "the best score of a player on a board and period, and when it was set; the truth" },
    { name: "RankedBoard", description: "per board and period: a sorted set of (score, player), derived" },
  ],
  nfrs: [
    "a {player} sees their own new score ranked within a second or two",
    "top-N and rank reads answer in milliseconds from memory",
    "a lost ranking node is rebuilt from the stored scores",
  ],
  substrates: [
    { id: "I16", role: "substrate", why: "each player's best score is key-scoped state" },
    { id: "I06", role: "output", why: "the ranking is a sorted projection of the scores" },
    { id: "I03", role: "input", why: "daily and weekly boards close at a due time" },
  ],
  hotspot: {
    figure: "peak_score_writes_per_sec",
    bottleneck:
      "The global {board}: every score submission raises the all-time sorted set, which one node holds, so its write rate is the whole game's",
    mitigation:
      "apply only scores that beat the stored best (most do not), batch the rest per tick, and split a {board} too hot for one node into score-range buckets with exact ranks kept for the top",
  },
  capacity: {
    inputs: [
      {
        quantity: "players",
        typical: 50e6,
        why: "daily players of a popular game",
        from: { expression: "users", why: "a game's users are its players" },
      },
      inp("scores_per_player_per_day", 10, "each finished match or run submits a score"),
      inp("boards", 1000, "boards per level, region and period"),
      inp("entry_bytes", 64, "member id and score in a sorted set, with overhead"),
      {
        quantity: "boards_per_player",
        label: "boards one player holds a best score on",
        unit: "boards",
        typical: 3,
        why: "a player sits on the all-time board and the current daily and weekly ones",
      },
      {
        quantity: "objects",
        typical: 150e6,
        why: "three best-score keys for each of fifty million players",
        from: {
          expression: "players * boards_per_player",
          why: "one best-score key per player on each board they play",
        },
      },
      inp("value_bytes", 100, "a best-score row: board, period, player, score, match id and time"),
    ],
    figures: [
      fig(
        "score_writes_per_sec",
        "score submissions per second",
        "rate",
        "players * scores_per_player_per_day / 86400",
        "writes/s",
      ),
      fig(
        "peak_score_writes_per_sec",
        "peak score submissions per second",
        "peak",
        "score_writes_per_sec * peak_factor",
        "writes/s",
      ),
      fig(
        "score_store_bytes",
        "durable best scores, one key per player and board",
        "storage",
        "objects * value_bytes",
        "B",
      ),
      fig(
        "global_board_bytes",
        "memory of one global board holding every player",
        "hotspot",
        "players * entry_bytes",
        "B",
      ),
    ],
  },
  decisions: [
    {
      id: "leaderboard-structure",
      question: "One exact sorted set per board, or score buckets with approximate ranks for huge boards?",
      options: [
        {
          id: "sorted-set",
          name: "one in-memory sorted set per board and period (Redis ZSET-style)",
          buys: "exact top-N and exact rank in logarithmic time",
          costs: "a single board lives on one node; writes to it serialise there",
          winsWhen: "each board fits one node's memory and write rate",
        },
        {
          id: "bucketed",
          name: "exact top few thousand, plus a histogram of score buckets for everyone else",
          buys: "boards of any size, spread over nodes; ranks as percentiles",
          costs: "ranks outside the top are approximate",
          winsWhen:
            "one board outgrows one node's memory (over ten gigabytes: about 150 million players at 64 bytes an entry)",
          wins: [{ number: "global_board_bytes", atLeast: 1e10 }],
        },
      ],
      rules: [
        {
          when: [{ number: "global_board_bytes", atLeast: 1e10 }],
          option: "bucketed",
          because: "a single global board would need more than ten gigabytes on one node",
        },
      ],
      fallback: { option: "sorted-set", because: "every board fits one node" },
    },
    {
      id: "leaderboard-ties",
      question: "How are equal scores ordered?",
      options: [
        {
          id: "earlier-wins",
          name: "fold the time into the sort key so whoever reached the score first ranks higher",
          buys: "a stable, fair order that every reader sees the same way",
          costs: "the sort key packs score and time into one number, which limits the score range",
          winsWhen: "ties are common (integer scores, capped levels)",
          // the prompt breaks ties by who scored first
          wins: [
            {
              words: String.raw`\b(?:whoever|who) (?:reached|reaches|got|gets|scored|hit|hits) (?:it|the score|that score|there) first\b|\bearlier (?:score|submission)s? (?:wins?|ranks? higher)\b|\bties? (?:are |is )?broken by (?:time|who|whoever|the earlier)`,
            },
          ],
        },
        {
          id: "shared-rank",
          name: "equal scores share a rank",
          buys: "the plain score is the key",
          costs: "pages of tied players show in arbitrary order",
          winsWhen: "scores are fine-grained and ties are rare",
          // the prompt lets tied scores share a rank
          wins: [
            {
              words: String.raw`\b(?:ties?|tied|equal scores?)\b[^.;]{0,40}\b(?:share|same) (?:a |the )?rank\b|\bshare (?:a|the same) rank\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: { option: "earlier-wins", because: "game scores tie often and players expect a stable order" },
    },
  ],
  invariants: [
    {
      action: "submit a {player}'s score to a {board}",
      statement:
        "A {player}'s Score on a {board} and period only ever rises: a submission below the stored best changes nothing, and a retried submission with the same match id is applied once.",
    },
    {
      action: "submit a {player}'s score to a {board}",
      statement:
        "The ranked {board} holds one entry per {player}, equal to that {player}'s stored best Score once it is applied, so a rebuild from the Score table gives the same ranks.",
    },
  ],
  failures: [
    {
      failure: "A retried score submission is applied twice or a lower score overwrites a best",
      prevention: "keep the best per ({player}, {board}) with a max-update, keyed by the submission id",
      repair: "recompute the {board} entry from the stored scores",
      role: "truth",
    },
    {
      failure: "One global {board} outgrows the node that holds its sorted set, in memory or in write rate",
      prevention: "exact ranks for the top; approximate ranks for the long tail from score buckets",
      repair: "rebuild the ranked {board} from the score table",
      role: "derived",
    },
    {
      failure: "Cheated scores reach the top of the {board}",
      prevention: "validate scores on the server against game rules and rate limits",
      repair: "remove the score and recompute ranks",
      role: "truth",
    },
  ],
  technology: [
    {
      layer: "serving",
      product: "Redis sorted sets",
      fits: "ZADD with GT keeps the best score; ZREVRANK and ZRANGE give rank and neighbours",
    },
    {
      layer: "storage",
      product: "Amazon DynamoDB",
      fits: "the durable score per ({player}, {board}) with conditional best-score updates",
    },
  ],
  topology: {
    components: [
      {
        id: "score-service",
        name: "Score service",
        kind: "service",
        runs: ["submit score", "read top N", "read rank"],
        because: "keeps only a player's best score per board and updates the ranking",
      },
      {
        id: "score-store",
        name: "Score store (partitioned by player)",
        kind: "store",
        holds: ["Score"],
        because: "the durable truth the rankings are rebuilt from",
      },
      {
        id: "ranking-cache",
        name: "Ranking cache (sorted set per board and period)",
        kind: "cache",
        holds: ["RankedBoard"],
        because: "top-N and rank are single sorted-set reads",
      },
      {
        id: "board-rollover",
        name: "Board rollover scheduler",
        kind: "control-loop",
        runs: ["close the period's board", "archive results", "open the next board"],
        because: "periodic boards end at a due time whether or not anyone plays",
      },
    ],
    links: [
      { from: "gateway", to: "score-service", kind: "request", label: "submit / read board" },
      { from: "score-service", to: "score-store", kind: "request", label: "keep best score" },
      { from: "score-service", to: "ranking-cache", kind: "request", label: "update sorted set / top N / rank" },
      { from: "board-rollover", to: "ranking-cache", kind: "control", label: "close period, start next" },
    ],
    protocols: LEADERBOARD_PROTOCOLS,
    api: [
      {
        operation: "submit a score",
        call: "POST /v1/boards/{board_id}/scores",
        request: ["board_id", "player_id", "score", "match_id"],
        response: ["best_score", "rank"],
        errors: ["409 duplicate match_id (returns the first result)", "400 score fails validation"],
        guarantee: "one submission per match_id; the stored score only increases",
      },
      {
        operation: "top of a {board}",
        call: "GET /v1/boards/{board_id}/top?period=week&limit=100",
        request: ["board_id", "period", "limit"],
        response: ["entries[] (rank, player, score)"],
        errors: ["404 unknown board"],
        guarantee: "ranks as of the latest applied score",
      },
      {
        operation: "rank around a {player}",
        call: "GET /v1/boards/{board_id}/players/{player_id}/rank?period=week&around=5",
        request: ["board_id", "player_id", "period", "around"],
        response: ["rank", "best_score", "neighbours[] (rank, player, score)"],
        errors: ["404 unknown board or no score this period"],
        guarantee: "the rank and neighbours come from one read of the sorted set, as of the latest applied score",
      },
    ],
    dataModel: [
      {
        entity: "Score",
        key: ["board_id", "period", "player_id"],
        fields: ["best_score", "set_at", "match_id"],
        indexes: ["(board_id, period, best_score desc)"],
        partitionKey: "player_id",
        owner: "score-store",
      },
    ],
    entry: "score-service",
    stateOwner: "score-store",
  },
};
