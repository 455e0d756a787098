import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { coreProblems, saidAloud } from "../src/render/script/check.js";
import { writeScript } from "../src/render/script/index.js";
import { housekeepingRule, leadState, mayLeadFor } from "../src/render/script/subject.js";
import { SCRIPT_CORPUS } from "./fixtures/script-corpus.js";

const said = (d: ReturnType<typeof design>) =>
  saidAloud(writeScript(d, { minutes: 45 }))
    .map((x) => x.text)
    .join(" ");

/** The sentence after "The hard rule is this." and the core mechanism sentence. */
const core = (d: ReturnType<typeof design>) => {
  const text = said(d);
  return {
    rule: /The hard rule is this\. ([^.]*\.)/.exec(text)?.[1] ?? "",
    mechanism: /The core mechanism is ([^.]*)\./.exec(text)?.[1] ?? "",
    authority: /The authoritative state is ([^.]*)\./.exec(text)?.[1] ?? "",
    hotspot: /(?:Inside our own system, t|T)he first hotspot (?:is|comes when) ([^.]*)\./.exec(text)?.[1] ?? "",
    critical: /The state that must never be wrong is ([^.]*)\./.exec(text)?.[1] ?? "",
  };
};

const feed = design(
  "Design the Instagram news feed for 500 million daily users, with the feed loading in under 200 ms",
);
const gfs = design("Design a distributed file system like GFS for 10 PB of large, mostly-appended files");
const board = design("Design a collaborative whiteboard like Miro where up to 50 people edit the same board at once");
const nearby = design("Design Yelp's nearby search: 100 million places, 50,000 searches per second");
const cdc = design(
  "Design a change-data-capture pipeline that streams Postgres changes into Elasticsearch and Redis with no lost updates and per-row ordering",
);
const views = design(
  "Design a view counter for YouTube videos: 1 million increments per second, counts visible within 10 seconds",
);

describe("the spoken core comes from what the prompt asks for", () => {
  it("speaks a product prompt's named feature, not a supporting feature a named product brings", () => {
    const c = core(feed);
    expect(c.authority).toBe("the photo post");
    expect(c.rule).toMatch(/^A published photo post reaches each follower's home feed/);
    expect(c.mechanism).not.toMatch(/content addressing/);
    expect(c.critical).toMatch(/^the photo post/);
  });

  it("says the subject's critical state first, never a catalogue feature's", () => {
    expect(core(views).critical).toMatch(/^the raw event/);
  });

  it("leads with the rule the chosen shape holds and its guard, not garbage collection", () => {
    const c = core(gfs);
    expect(c.rule).toMatch(/at most one primary with an unexpired primary lease/);
    expect(c.mechanism).toBe("a lease with expiry");
  });

  it("leaves a rule about repeats or deletes the prompt does not ask about behind the one it does", () => {
    expect(core(board).rule).not.toMatch(/at most once/);
    expect(core(board).mechanism).not.toMatch(/idempotency key/);
    expect(core(cdc).rule).not.toMatch(/deleted/);
    expect(core(cdc).mechanism).not.toBe("tombstones");
    // a shown count's prompt states its freshness ("visible within 10 seconds"): that bound is the hard rule, and the
    // rule about counting a batch once stays beside it (n24 grade: the spoken core quotes the prompt's guarantee)
    expect(core(views).rule).toMatch(/within the freshness bound/);
    expect(views.invariants.map((i) => i.statement).join("\n")).toMatch(/at most once, by its batch id/);
    expect(housekeepingRule(views, "Each RawEvent adds to its window's PartialCount at most once.")).toBe(false);
    expect(housekeepingRule(board, "An Operation is sequenced at most once.")).toBe(true);
  });

  it("never names authority on a derived copy, and never calls a read a core mechanism", () => {
    const c = core(nearby);
    expect(c.authority).not.toMatch(/search index|cell index/);
    expect(c.mechanism).not.toMatch(/read a derived view/);
    expect(leadState(nearby)).toBeDefined();
  });

  it("lets a housekeeping mechanism lead only a rule about its concern or one it is paired with", () => {
    expect(
      mayLeadFor(
        { id: "reference-gc", protects: "" },
        "A FileEntry never references a chunk whose data is not yet durable, and a chunk is deleted only after no FileEntry references it.",
      ),
    ).toBe(false);
    expect(
      mayLeadFor({ id: "idempotency-key", protects: "" }, "A retried request to place an order creates one order."),
    ).toBe(true);
    expect(mayLeadFor({ id: "idempotency-key", protects: "X" }, "X")).toBe(true);
    expect(mayLeadFor({ id: "lease", protects: "" }, "anything")).toBe(true);
  });

  it("ranks a load ahead of a storage cost as the first hotspot", () => {
    expect(core(gfs).hotspot).not.toMatch(/raw capacity/i);
    expect(gfs.bottlenecks[0]?.bottleneck).not.toMatch(/raw capacity/i);
    // an object store's raw bytes would lead by its own ranking: the first real load goes ahead of it
    const s3 = design("Design an object storage service like S3 that stores 100 PB with eleven nines of durability");
    expect(s3.bottlenecks[0]?.why?.code).toBe("load-before-storage-cost");
  });

  it("finds each class of problem the check names", () => {
    const script = writeScript(nearby, { minutes: 45 });
    const bad = {
      ...script,
      steps: script.steps.map((s) =>
        s.step === 3
          ? {
              ...s,
              sentences: [
                ...s.sentences,
                // the derived index under the name the design gives it (a quadtree index where one is chosen)
                `The authoritative state is the business record, kept in the ${(
                  nearby.components.find((c) => c.id === "geo-index")?.name.split(" (")[0] ?? "geo cell index"
                ).toLowerCase()}.`,
              ],
            }
          : s.step === 8
            ? { ...s, sentences: [...s.sentences] }
            : s,
      ),
    };
    expect(coreProblems(nearby, bad).map((p) => p.problem)).toContain(
      `authority named on a derived store: ${nearby.components.find((c) => c.id === "geo-index")?.name}`,
    );
    const gscript = writeScript(gfs, { minutes: 45 });
    const raw = {
      ...gscript,
      steps: gscript.steps.map((s) =>
        s.step === 6
          ? {
              ...s,
              sentences: [
                ...s.sentences,
                "The core mechanism is reference-tracked garbage collection.",
                "The first hotspot is raw capacity.",
              ],
            }
          : s,
      ),
    };
    const problems = coreProblems(gfs, raw).map((p) => p.problem);
    expect(problems).toContain("a core mechanism that keeps only housekeeping: reference-tracked garbage collection");
    expect(problems.some((p) => p.startsWith("a first hotspot that is a storage cost"))).toBe(true);
  });

  it("says a core the design can stand behind on every corpus prompt", () => {
    for (const p of SCRIPT_CORPUS) {
      const d = design(p);
      for (const short of [false, true])
        expect(coreProblems(d, writeScript(d, short ? { short } : { minutes: 45 })), p).toEqual([]);
    }
  });
});

describe("a design led by a subject speaks that subject's hard rule and the mechanism that keeps it", () => {
  const trending = design("Design a trending topics service: the 10 most mentioned topics in the last 10 minutes");
  const iot = design("Design telemetry ingestion for 1 million connected cars each reporting every 5 seconds");
  const chat = design(
    "Design a group chat where rooms hold up to 50,000 members and all members see messages in one order",
  );
  const mysql = design(
    "Design a CDC pipeline that streams MySQL row changes into Elasticsearch, 10,000 changes per second",
  );
  const places = design(
    "Design a local business search like Yelp: find restaurants near me among 50 million businesses",
  );

  it("says the narrower subject's rule first: a top k's ranking, not the windowed counts it rests on", () => {
    expect(core(trending).rule).toMatch(/^Each key is ranked on exactly one ranker partition/);
    expect(core(trending).mechanism).toBe("a partition-local top k merged into one ranking");
    expect(trending.invariants[0]?.because).toMatch(/so it leads/);
  });

  it("names the mechanism the subject's rule says keeps it, never a generic one its words share", () => {
    expect(core(iot).rule).toMatch(/out-of-order window/);
    expect(core(iot).mechanism).toBe("an out-of-order window for each series");
    expect(core(mysql).rule).toMatch(/binlog position is above/);
    expect(core(mysql).mechanism).toBe("a version check");
  });

  it("orders a conversation by its one sequencer, not by the idempotency key beside it", () => {
    expect(core(chat).rule).toMatch(/^Each message takes the next sequence number from its \w+'s one owner/);
    expect(core(chat).mechanism).toBe("a per-subject operation sequencer");
  });

  it("says places' derived cell index, rebuilt from the business records, not a photo upload", () => {
    expect(core(places).rule).toMatch(/^The geo cell index is derived only from the business records/);
    expect(core(places).mechanism).toBe("a projector with checkpoint");
    expect(core(places).authority).toMatch(/^the business/);
  });

  it("flags a core mechanism other than the one the subject names", () => {
    const script = writeScript(iot, { minutes: 45 });
    const bad = {
      ...script,
      steps: script.steps.map((s) =>
        s.step === 6
          ? {
              ...s,
              sentences: s.sentences.map((x) =>
                x.startsWith("The core mechanism is") ? "The core mechanism is a write-ahead log." : x,
              ),
            }
          : s,
      ),
    };
    expect(coreProblems(iot, bad).map((p) => p.problem)).toContain(
      "a core mechanism other than the subject's own: write-ahead log, not out-of-order window for each series",
    );
  });
});
