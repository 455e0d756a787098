import { fig, inp } from "./helpers.js";
import type { FeatureEntry } from "./index.js";

/**
 * A questions-and-answers site (Stack Overflow, Quora): questions and answers are records of their own,
 * the question page (the question with its answers by score) is the read that dominates, votes are one row per voter
 * per post, accepting is the asker's one conditional write, and reputation is a per-user ledger derived from vote and
 * accept events.
 *
 * Checked against the primary sources (own words):
 * - answer order: Stack Overflow's meta post "Outdated Answers: unpinning the accepted answer" (meta.stackoverflow.com,
 *   question 411192) says the accepted answer was pinned on top until 2021-09-08, when Stack Overflow unpinned it for
 *   good: the default sort orders answers strictly by score. The same post measured upvotes at about 1% of question
 *   views (year-to-date 2021), the ratio `votes_per_view` below takes.
 * - reputation: the Stack Overflow blog's "Important Reputation Rule Changes" (stackoverflow.blog, 2010-03) left an
 *   answer upvote at +10 and says a downvote costs the voter 1; the text of Stack Exchange's reputation leagues page
 *   says gains are capped at 200 a day and that accepted answers and bounties are exempt from the cap; an answer on
 *   Stack Exchange's meta (meta.stackexchange.com, revision 266551) says a downvote takes 2 from the post's author and
 *   restates the 200-a-day cap. An accept's +15 to the answerer is in Stack Overflow's FAQ as captured in 2008 and in
 *   the reputation query of a meta post (meta.stackexchange.com, question 32104). Not stated, for want of a current
 *   primary source: a question upvote's amount (the 2010 post cut it to +5; no current figure was found) and the acceptor's
 *   own bonus.
 */
export const QA: FeatureEntry = {
  id: "qa",
  name: "Questions and answers",
  summary:
    "Users ask questions, others post answers, and everyone votes on both. Questions and answers are records of their own; the question page (the question with its answers ordered by score, as Stack Overflow has shown them since it stopped pinning the accepted answer in 2021) is the read that dominates and is served from a cache that every edit, new answer or vote invalidates. A vote is one row per voter per post; only the asker accepts an answer, at most one per question; reputation is a per-user ledger credited once per vote or accept event.",
  signals: [
    "q&a",
    "questions and answers",
    "question and answer",
    "ask questions",
    "answer questions",
    "accepted answer",
    "accept an answer",
    "vote on answers",
    "reputation points",
  ],
  terms: { question: "question", answer: "answer" },
  otherKind: {
    words: String.raw`\b(?:quiz\w*|trivia|surveys?|questionnaires?|polls?|exams?|examinations?|call[- ]?cent(?:er|re)s?|phone (?:calls?|lines?)|callers?)\b`,
    because: "belong to a quiz, a survey, an exam or a call, not to posts on a Q&A site",
  },
  actions: [
    {
      action: "ask a {question} with tags",
      shape: "create target",
      entity: "{Question}",
      critical: false,
      substrate: "I16",
      mechanism: "insert-primary",
    },
    {
      action: "post an {answer} to a {question}",
      shape: "create target",
      entity: "{Answer}",
      critical: false,
      substrate: "I16",
      mechanism: "insert-primary",
    },
    {
      action: "upvote or downvote a {question} or an {answer}",
      shape: "overwrite current value",
      entity: "Vote",
      critical: true,
      substrate: "I16",
      mechanism: "versioned-overwrite",
    },
    {
      action: "accept an {answer} to one's own {question}",
      shape: "state transition",
      entity: "{Question}",
      critical: true,
      substrate: "I16",
      mechanism: "guarded-transition",
      topic: "answer-credit",
    },
    {
      action: "credit the author's reputation once per vote or accept event",
      shape: "async process",
      entity: "ReputationEvent",
      critical: true,
      hidden: true,
      substrate: "I16",
      mechanism: "keyed-effect-ledger",
      topic: "answer-credit",
    },
    {
      action: "view a {question} page with its {answers} ordered by score",
      shape: "read projection",
      entity: "QuestionPage",
      critical: false,
      substrate: "I07",
      mechanism: "cache-invalidation",
    },
  ],
  entities: [
    {
      name: "{Question}",
      description: "asker, title, body, tags, score, answer count, accepted answer id, version",
    },
    { name: "{Answer}", description: "(question, answer id) -> author, body, score, version" },
    { name: "Vote", description: "(post, voter) -> +1 / -1 / 0; the truth behind every score" },
    {
      name: "ReputationEvent",
      topic: "answer-credit",
      description:
        "(user, event id) -> the amount one vote or accept event credits (on Stack Overflow an answer upvote +10, an accept +15 to the answerer, a downvote -2 to the author and -1 to whoever downvotes an answer): the per-user ledger",
    },
    {
      name: "UserReputation",
      topic: "answer-credit",
      description:
        "per user: the ledger's total and what today's vote gains have added (Stack Overflow caps those at 200 a day; accepts and bounties are exempt)",
    },
    {
      name: "QuestionPage",
      description: "per question: the rendered question with its answers by score, and the version it was built from",
    },
  ],
  nfrs: [
    "one vote per user per {question} or {answer}; changing it replaces it",
    "a {question} page is served from cache and shows an edit, a new {answer} or a vote within seconds",
  ],
  substrates: [
    { id: "I16", role: "substrate", why: "questions, answers and votes are key state under the question's id" },
    {
      id: "I07",
      role: "decorator",
      why: "question pages are read far more often than they change, so they are cached",
    },
  ],
  requires: ["search"],
  supersedes: [
    {
      id: "ranking",
      because:
        "votes on a Q&A site order a question's answers by score and feed their authors' reputation; there is no time-decayed front page of communities to rank",
    },
  ],
  hotspot: {
    figure: "hot_question_views_per_sec",
    bottleneck:
      "One question everyone opens at once (linked from a popular page or search result): its page is one cache key, and each vote on it invalidates that key while thousands of readers ask for it",
    mitigation:
      "serve the page from the cache with one rebuild in flight per question (readers of a missing page wait for that rebuild), keep the hottest pages on several cache nodes or at the edge for anonymous readers, and let a viral question's votes refresh its page at most once a second instead of on every vote",
  },
  capacity: {
    inputs: [
      inp("reads_per_sec", 10000, "question page views per second of a large public Q&A site"),
      // Stack Overflow's meta post 411192 measured upvotes at about 1% of question views in 2021
      inp("votes_per_view", 0.01, "about one vote for every hundred question page views, as Stack Overflow measured"),
      inp(
        "posts_per_view",
        0.0001,
        "most visitors read an answer and leave: a planning figure of one new question or answer per ten thousand page views",
      ),
      // each new question or answer is also the search feature's document to index, so both read one figure
      {
        quantity: "docs_per_day",
        typical: 200000,
        why: "new questions and answers a day on a large Q&A site (a planning figure)",
        from: {
          expression: "reads_per_sec * 86400 * posts_per_view",
          why: "the page views of a day times the share of views that post a question or answer",
        },
      },
      inp("post_bytes", 4000, "a question or answer's text with its title, tags and ids: a few kilobytes"),
      inp(
        "page_cache_hit_share",
        0.95,
        "a few popular questions draw most views, so most page views find their page cached",
      ),
      inp("hot_question_share", 0.01, "one question linked from a popular page can draw a hundredth of all page views"),
    ],
    figures: [
      fig(
        "peak_page_views_per_sec",
        "question page views per second at peak",
        "peak",
        "reads_per_sec * peak_factor",
        "reads/s",
      ),
      fig(
        "qa_votes_per_sec",
        "votes per second at peak",
        "rate",
        "peak_page_views_per_sec * votes_per_view",
        "writes/s",
      ),
      fig(
        "qa_post_bytes_per_year",
        "question and answer text added per year",
        "growth",
        "docs_per_day * 365 * post_bytes",
        "B",
      ),
      fig(
        "page_store_reads_per_sec",
        "page rebuilds reaching the store per second (cache misses)",
        "rate",
        "peak_page_views_per_sec * (1 - page_cache_hit_share)",
        "reads/s",
      ),
      fig(
        "page_invalidations_per_sec",
        "question pages invalidated per second (each vote, new answer or edit)",
        "rate",
        "qa_votes_per_sec + docs_per_day / 86400",
        "writes/s",
      ),
      fig(
        "hot_question_views_per_sec",
        "page views per second on one question everyone opens",
        "hotspot",
        "peak_page_views_per_sec * hot_question_share",
        "reads/s",
      ),
    ],
  },
  decisions: [
    {
      id: "qa-reputation",
      topic: "answer-credit",
      question:
        "Credit reputation inside the vote's own transaction, or derive it from the vote and accept events afterwards?",
      options: [
        {
          id: "event-ledger",
          name: "reputation credited by a worker from the vote and accept events: one ledger row per event id, added to the user's total",
          buys: "a vote writes one partition (the question's); a redelivered event finds its row and credits nothing; the daily cap and any rule change are applied, or replayed, from the ledger",
          costs: "reputation trails the vote by the event stream's lag, seconds at most",
          winsWhen: "reputation may show a vote a few seconds late",
        },
        {
          id: "in-transaction",
          name: "the vote, the post's score and the author's reputation changed in one transaction",
          buys: "the author's reputation moves the moment the vote is acknowledged",
          costs:
            "every vote is a transaction across the question's partition and the author's, and a prolific author's row takes every vote on every post they wrote",
          winsWhen: "the prompt needs reputation exact at the moment a vote returns",
          wins: [
            {
              words: String.raw`\breputation (?:is |must be |should be )?(?:updated|changed|shown|credited|visible) (?:immediately|instantly|at once|synchronously|in the same transaction)\b`,
            },
          ],
        },
      ],
      rules: [],
      fallback: {
        option: "event-ledger",
        because:
          "a vote stays a write to one partition and each event credits reputation once, whatever is redelivered",
      },
    },
    {
      id: "qa-page-cache",
      question:
        "Cache each question page whole and invalidate it on change, or assemble it from the stores on every view?",
      options: [
        {
          id: "cached-page",
          name: "the whole page cached per question, dropped by every edit, new answer or vote and rebuilt on the next view",
          buys: "a page view is one cache read; the store sees only the misses",
          costs:
            "every change must drop the page after it commits, and a reader may see the page a moment before a vote lands",
          winsWhen: "page views outnumber changes by orders of magnitude",
          wins: [{ number: "peak_page_views_per_sec", atLeast: 1000 }],
        },
        {
          id: "assembled-per-view",
          name: "the page assembled on every view from the question, its answers by score and their authors in the stores",
          buys: "every view shows the latest votes and edits, with no invalidation to get wrong",
          costs: "several store reads per view, and the store takes the whole read rate",
          winsWhen: "page views are few or every reader must see the latest score",
        },
      ],
      rules: [],
      fallback: { option: "cached-page", because: "a question page is read far more often than it changes" },
    },
    {
      id: "qa-score",
      question: "Keep each post's score as a counter on its row, or count the vote rows when the page is built?",
      options: [
        {
          id: "score-column",
          name: "a score column on the question or answer, moved by the difference in the vote's own transaction",
          buys: "ordering answers by score is a read of one partition's rows",
          costs: "a viral post's row takes every vote on it; a missed adjustment needs a recount from the vote rows",
          winsWhen: "scores are read on every page build",
          wins: [{ number: "peak_page_views_per_sec", atLeast: 100 }],
        },
        {
          id: "count-votes",
          name: "each post's vote rows summed when its page is built",
          buys: "the score can never drift from the votes",
          costs: "a popular answer's thousands of votes are summed on every rebuild",
          winsWhen: "pages are rebuilt rarely and votes per post are few",
        },
      ],
      rules: [],
      fallback: { option: "score-column", because: "every page build orders answers by score" },
    },
  ],
  invariants: [
    {
      action: "upvote or downvote a {question} or an {answer}",
      statement:
        "Each user has at most one Vote per {question} or {answer}: the vote is keyed by (post, voter), a change replaces it and the post's score moves by the difference, so a retry or a re-vote never counts twice.",
      keptBy: "versioned-overwrite",
    },
    {
      action: "accept an {answer} to one's own {question}",
      statement:
        "A {question} has at most one accepted {answer}, and only its asker sets it: the accept is one conditional write on the {Question} row (the caller is the asker, the {answer} belongs to this {question}, the version is the one read), so a second accept replaces the first in the same write.",
      keptBy: "guarded-transition",
    },
    {
      action: "credit the author's reputation once per vote or accept event",
      statement:
        "Each vote or accept event credits reputation once: its ReputationEvent is keyed by (user, event id), so a redelivered or replayed event finds its row and adds nothing, and a user's total is the sum of their ledger.",
      keptBy: "keyed-effect-ledger",
    },
  ],
  failures: [
    {
      failure: "A retried or repeated vote counts twice",
      prevention:
        "votes are keyed by (post, voter); the post's score moves by the difference between the old and the new vote",
      repair: "recount the post's score from its vote rows",
      role: "truth",
    },
    {
      failure: "Two accepts race, or someone other than the asker accepts an {answer}",
      topic: "answer-credit",
      prevention:
        "the accept is a conditional write on the {Question} row that checks the caller is the asker and the version is unchanged",
      repair: "keep the asker's latest accept and take back the reputation of the one it replaced",
      role: "truth",
    },
    {
      failure: "A vote event is delivered twice and its author is credited twice",
      topic: "answer-credit",
      prevention: "the ledger row is keyed by the event id, so the second delivery finds it and credits nothing",
      repair: "recompute the user's total from their ledger rows",
      role: "derived",
    },
    {
      failure: "A cached {question} page keeps showing an old score or misses a new {answer}",
      prevention:
        "drop the page after every commit that changes it, and give each page a short time to live as a backstop",
      repair: "rebuild the page from the question's partition",
      role: "derived",
    },
    {
      failure: "Vote rings or sock puppets push a post up",
      prevention: "rate-limit votes per account and flag repeated votes between the same few accounts",
      repair: "void the fraudulent votes and recompute the posts' scores",
      role: "truth",
    },
  ],
  technology: [
    {
      layer: "storage",
      product: "PostgreSQL",
      fits: "questions, answers and votes under the question's id, with a unique key on (post, voter) and the accept as a conditional update",
    },
    {
      layer: "serving",
      product: "Redis",
      fits: "rendered {question} pages by question id, dropped on change",
    },
  ],
  topology: {
    components: [
      {
        id: "qa-service",
        name: "Q&A service",
        kind: "service",
        runs: ["ask / answer / edit", "vote", "accept an answer", "build a question page"],
        because: "writes questions, answers and votes under the question's id and drops the question's cached page",
      },
      {
        id: "question-store",
        name: "Question store (partitioned by question)",
        kind: "store",
        holds: ["Question", "Answer", "Vote"],
        because:
          "a question, its answers and their votes live on one partition, so a vote or an accept is one local transaction",
      },
      {
        id: "page-cache",
        name: "Question page cache",
        kind: "cache",
        holds: ["QuestionPage"],
        because: "question pages are the most read thing on the site; each is rebuilt only after a change drops it",
      },
      {
        id: "reputation-worker",
        topic: "answer-credit",
        name: "Reputation workers",
        kind: "worker-pool",
        runs: [
          "read vote and accept events",
          "write one ledger row per event id",
          "apply the daily cap",
          "add to the user's total",
        ],
        because: "reputation follows from events, so it is credited after the vote, once per event",
        chosen: { decision: "qa-reputation", options: ["event-ledger"] },
      },
      {
        id: "reputation-store",
        topic: "answer-credit",
        name: "Reputation store (partitioned by user)",
        kind: "store",
        holds: ["ReputationEvent", "UserReputation"],
        because: "a user's ledger and total are read together on their profile and beside every post they wrote",
      },
    ],
    links: [
      { from: "gateway", to: "qa-service", kind: "request", label: "ask / answer / vote / accept / view" },
      { from: "qa-service", to: "page-cache", kind: "request", label: "read page; drop it after a change" },
      {
        from: "qa-service",
        to: "question-store",
        kind: "request",
        label: "write posts, votes, accept; rebuild a page",
      },
      { from: "question-store", to: "change-stream", kind: "stream", label: "post, vote and accept changes" },
      {
        from: "change-stream",
        to: "reputation-worker",
        kind: "stream",
        label: "vote and accept events",
        chosen: { decision: "qa-reputation", options: ["event-ledger"] },
      },
      {
        from: "reputation-worker",
        to: "reputation-store",
        kind: "request",
        label: "ledger row by event id + total",
        chosen: { decision: "qa-reputation", options: ["event-ledger"] },
      },
      {
        from: "qa-service",
        to: "reputation-store",
        kind: "request",
        label: "credit the author in the vote's transaction",
        chosen: { decision: "qa-reputation", options: ["in-transaction"] },
      },
    ],
    api: [
      {
        operation: "ask a {question}",
        call: "POST /v1/questions",
        request: ["title", "body", "tags", "request_id"],
        response: ["question_id"],
        errors: ["400 no tags or title too short"],
        guarantee: "a retry with the same request id returns the first question",
      },
      {
        operation: "post an {answer}",
        call: "POST /v1/questions/{question_id}/answers",
        request: ["question_id", "body", "request_id"],
        response: ["answer_id"],
        errors: ["404 unknown question", "403 question closed"],
        guarantee: "a retry with the same request id returns the first answer",
      },
      {
        operation: "vote",
        call: "PUT /v1/posts/{post_id}/vote",
        request: ["post_id", "direction (+1, 0, -1)"],
        response: ["score"],
        errors: ["404 unknown post", "403 own post"],
        guarantee: "idempotent: the user's vote on the post is replaced, never added twice",
      },
      {
        operation: "accept an {answer}",
        topic: "answer-credit",
        call: "PUT /v1/questions/{question_id}/accepted-answer",
        request: ["question_id", "answer_id", "version"],
        response: ["accepted_answer_id"],
        errors: ["403 not the asker", "409 question changed since read"],
        guarantee: "at most one accepted answer per question, set only by its asker",
      },
      {
        operation: "view a {question} page",
        call: "GET /v1/questions/{question_id}?answers=score",
        request: ["question_id"],
        response: ["question", "answers[] by score", "version"],
        errors: ["404 unknown question"],
        guarantee: "answers ordered by score, as of the last change the cache has seen",
      },
    ],
    dataModel: [
      {
        entity: "Question",
        key: ["question_id"],
        fields: ["asker_id", "title", "body", "tags", "score", "accepted_answer_id", "version"],
        indexes: ["(tag, created_at desc)", "(asker_id)"],
        partitionKey: "question_id",
        owner: "question-store",
      },
      {
        entity: "Answer",
        key: ["question_id", "answer_id"],
        fields: ["author_id", "body", "score", "version"],
        indexes: ["(question_id, score desc)", "(author_id)"],
        partitionKey: "question_id",
        owner: "question-store",
      },
      {
        entity: "Vote",
        key: ["post_id", "voter_id"],
        fields: ["question_id", "direction", "updated_at"],
        indexes: ["(voter_id, updated_at desc)"],
        partitionKey: "question_id",
        owner: "question-store",
      },
      {
        entity: "ReputationEvent",
        topic: "answer-credit",
        key: ["user_id", "event_id"],
        fields: ["amount", "reason", "post_id", "day"],
        indexes: ["(user_id, day)"],
        partitionKey: "user_id",
        owner: "reputation-store",
      },
      {
        entity: "UserReputation",
        topic: "answer-credit",
        key: ["user_id"],
        fields: ["total", "day", "capped_gain_today"],
        indexes: [],
        partitionKey: "user_id",
        owner: "reputation-store",
      },
      {
        entity: "QuestionPage",
        key: ["question_id"],
        fields: ["rendered question and answers", "version"],
        indexes: [],
        partitionKey: "question_id",
        owner: "page-cache",
      },
    ],
    entry: "qa-service",
    stateOwner: "question-store",
  },
};
