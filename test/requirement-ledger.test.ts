import { describe, expect, it } from "vitest";
import { coherenceWarnings } from "../src/cli/derive.js";
import { design } from "../src/engine/design/design.js";
import { requirementClauses } from "../src/engine/requirement-ledger.js";
import { requirementKind } from "../src/knowledge/requirement-kinds.js";
import { designBlocks } from "../src/render/design-doc.js";
import { toMarkdown } from "../src/render/doc.js";
import { writeScript } from "../src/render/script/index.js";

const row = (d: ReturnType<typeof design>, start: string) => {
  const r = d.statedRequirements.find((x) => x.clause.startsWith(start));
  if (!r)
    throw new Error(`no clause starting '${start}' in ${JSON.stringify(d.statedRequirements.map((x) => x.clause))}`);
  return r;
};
const kinds = (r: ReturnType<typeof row>) => r.carriedBy.map((c) => c.kind);

const LOCKS =
  "Design a distributed lock service for a batch platform: 5,000 jobs a minute take locks, a lock is never held by two workers at once, and a crashed worker's lock is released within 20 seconds.";
const DNS =
  "Design a DNS resolver cache for a corporate network: 50,000 lookups per second, an answer is never served past its TTL, and restarting a resolver must not overwhelm the upstream servers.";
const DNS_CONTROL =
  "Design a DNS resolver cache for a corporate network: 50,000 lookups per second, an answer is never served past its TTL, and a resolver must still answer while the upstream servers are unreachable.";
const SIGNING =
  "Design a document signing service: 10 million contracts, a signed contract can never be edited, signers can cancel a pending signature request, and every signature is kept for 10 years.";

describe("requirement ledger: each requirement clause with what carries it", () => {
  it("breaks a prompt at punctuation and joins a qualifying clause to the one before", () => {
    const p = "Design a job runner: each job runs once, even if a worker crashes, and jobs are kept for 30 days.";
    expect(requirementClauses(p).map((c) => c.text)).toEqual([
      "a job runner",
      "each job runs once, even if a worker crashes",
      "jobs are kept for 30 days",
    ]);
    for (const c of requirementClauses(p)) expect(p.slice(c.at, c.at + c.text.length)).toBe(c.text);
  });

  it("keeps a clause joined on with and/or/while (after any spaces) as its own, and remembers the last prompt's", () => {
    const p =
      "Design a ledger: balances are kept, and   when a node fails its entries replay, the brand, when renamed, keeps its id, Or\n when audited, stays; while when idle it sleeps.";
    expect(requirementClauses(p).map((c) => c.text)).toEqual([
      "a ledger",
      "balances are kept",
      "when a node fails its entries replay",
      "the brand, when renamed",
      "keeps its id",
      "when audited",
      "when idle it sleeps",
    ]);
    // the same prompt's clauses are one frozen list, shared by the ledger and the clause readers
    expect(requirementClauses(p)).toBe(requirementClauses(p));
    expect(Object.isFrozen(requirementClauses(p)[0])).toBe(true);
  });

  it("names the kind a clause asks for by its words", () => {
    expect(requirementKind("users who were offline get what they missed when they reconnect")?.id).toBe("catch-up");
    expect(requirementKind("restarting the fleet must not flood the database")?.id).toBe("downstream-protection");
    expect(requirementKind("teams can pause a schedule")?.id).toBe("control");
    expect(requirementKind("a lookup takes under 3 ms")?.id).toBe("latency");
  });

  it("a clause carried by a figure, by a rule and by the design's subject", () => {
    const d = design(LOCKS);
    expect(kinds(row(d, "a distributed lock service"))).toContain("subject");
    expect(kinds(row(d, "5,000 jobs a minute"))).toContain("figure");
    expect(kinds(row(d, "a lock is never held"))).toContain("rule");
    expect(d.statedRequirements.every((r) => r.carried)).toBe(true);
    expect(d.coherence.filter((c) => c.rule === "requirement-not-carried")).toEqual([]);
  });

  it("a clause carried by an operation: a stated control verb is read by the alias table", () => {
    const r = row(design(SIGNING), "signers can cancel");
    expect(r.carried).toBe(true);
    expect(r.carriedBy.find((c) => c.kind === "operation")?.what).toMatch(/^cancel/);
  });

  it("a clause nothing reads is shown as not carried in the JSON, the coherence verdict, the document and the script", () => {
    // (a rule the prompt states is an owed kind; nothing in this design states this one)
    const d = design(DNS_CONTROL);
    const r = row(d, "a resolver must still answer");
    expect(r.carried).toBe(false);
    expect(r.carriedBy).toEqual([]);
    expect(r.asks?.kind).toBe("rule");
    expect(d.coherence).toContainEqual(
      expect.objectContaining({
        rule: "requirement-not-carried",
        detail: expect.stringContaining("a resolver must still answer"),
      }),
    );
    const md = toMarkdown(designBlocks(d));
    expect(md).toContain("### Stated requirements");
    expect(md).toMatch(
      /a resolver must still answer while the upstream servers are unreachable \| not carried: nothing in this design reads it; it asks for a rule the design keeps/,
    );
    const spoken = writeScript(d)
      .steps.map((s) => s.text)
      .join(" ");
    // the script says what the design does about it, never that a check found nothing (that stays in the document)
    expect(spoken).not.toMatch(/not carried|open point/);
    expect(spoken).toContain(
      "The prompt says a resolver must still answer while the upstream servers are unreachable. So we keep it as a rule",
    );
  });

  it("a protection of the upstream servers is carried by request coalescing on the read path", () => {
    const r = row(design(DNS), "restarting a resolver");
    expect(r.carried).toBe(true);
    expect(r.asks?.kind).toBe("downstream-protection");
    expect(kinds(r)).toContain("mechanism");
  });

  it("credits a clause by meaning: a figure that reads part of it does not carry it, and the rest is named", () => {
    const d = design(
      "Design a file sync service for 10 million users: files up to 5 GB are uploaded in chunks, an edit on one laptop shows up on the user's other devices within 10 seconds, and when two offline devices edit the same file both versions must be kept.",
    );
    const chunks = row(d, "files up to 5 GB");
    expect(chunks.carried).toBe(false);
    expect(chunks.partly?.map((c) => c.kind)).toContain("figure");
    expect(chunks.unread).toEqual(["uploaded", "chunks"]);
    // a clause joined on with "and" is its own requirement, not a qualifier of the one before
    expect(row(d, "when two offline devices").carried).toBe(false);
    expect(row(d, "an edit on one laptop").carried).toBe(true);
    expect(toMarkdown(designBlocks(d))).toContain(
      "files up to 5 GB are uploaded in chunks | not carried, only in part: figure max\\_object\\_bytes",
    );
  });

  it("a latency bound is read only by a latency bound, and a rule clause only by a reader that states it", () => {
    const d = design(
      "Design the wallet service of a super-app: 40 million users hold a balance, there are 8,000 payments per second at peak, a balance may never go below zero, every movement is written as two ledger entries that must balance, and refunds can arrive days later.",
    );
    const entries = row(d, "every movement is written");
    expect(entries.carried).toBe(false);
    expect(entries.asks?.kind).toBe("rule");
    expect(row(d, "a balance may never go below zero").carried).toBe(true);
    const logs = design(
      "Design a log ingestion and search platform: 8,000 servers ship 3 TB of logs a day, engineers search the last 30 days by service and free text with results in under 2 seconds.",
    );
    expect(row(logs, "8,000 servers ship").carried).toBe(true);
    // the stated '2 seconds' is read as the search's latency bound (it was once credited to retention_days alone)
    const search = row(logs, "engineers search");
    expect(search.carried).toBe(true);
    expect(search.carriedBy.some((c) => c.kind === "latency" && /2000 ms/.test(c.what))).toBe(true);
  });

  it("a failure's time bound, missed heartbeats and an alerting threshold are not a latency or a catch-up", () => {
    expect(requirementKind("a crashed worker's lock is released within 20 seconds")?.id).toBe("time-bound");
    expect(requirementKind("a node that misses three heartbeats is declared dead within 10 seconds")?.id).toBe(
      "failure-detection",
    );
    expect(requirementKind("alert the on-call engineer when p99 latency stays above 800 ms")?.id).toBe("alerting");
    expect(requirementKind("a signed contract can never be edited")?.id).not.toBe("control");
    expect(requirementKind("users can mute categories")?.id).toBe("control");
  });

  it("an owed clause nothing carries is one stderr warning, once", () => {
    const d = design(
      "Design the push notifications of a retail app: marketing and order systems submit 30,000 notifications per second, order updates must arrive within 5 seconds while marketing may wait, and users can mute categories.",
    );
    const lines = coherenceWarnings(d).filter((l) => l.includes("requirement-not-carried"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^mechsd: warning: .*'order updates must arrive within 5 seconds while marketing may wait'/,
    );
  });

  it("is made for each prompt: two prompts with one body keep their own clauses", () => {
    const a = design(`${DNS} (case 1)`);
    const b = design(`${DNS} (case 2)`);
    expect(a.statedRequirements.map((r) => r.at)).toEqual(b.statedRequirements.map((r) => r.at));
    for (const d of [a, b])
      for (const r of d.statedRequirements) expect(d.prompt.slice(r.at, r.at + r.clause.length)).toBe(r.clause);
  });
});

describe("the ask that opens a clause (requirement-ledger.ts ASK_OPENS)", () => {
  it("is no key word: the clause asks what follows 'so', 'so that' or 'where'", () => {
    const prompt =
      "We're evaluating Temporal to orchestrate loan disbursement: check credit, reserve funds, wire the money through a partner bank, notify the borrower. Design the equivalent so that a crash halfway never skips or repeats the wire.";
    const row = design(prompt).statedRequirements.find((r) => r.clause.startsWith("Design the equivalent"));
    expect(row?.carried, JSON.stringify(row)).toBe(true);
  });
});
