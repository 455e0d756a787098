import { describe, expect, it } from "vitest";
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
  "Design a DNS resolver cache for a corporate network: 50,000 lookups per second, an answer is never served past its TTL, and administrators can disable a resolver at any time.";
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
    // (a control verb on a record is an owed kind no carrier draws yet)
    const d = design(DNS_CONTROL);
    const r = row(d, "administrators can disable");
    expect(r.carried).toBe(false);
    expect(r.carriedBy).toEqual([]);
    expect(r.asks?.kind).toBe("control");
    expect(d.coherence).toContainEqual(
      expect.objectContaining({
        rule: "requirement-not-carried",
        detail: expect.stringContaining("administrators can disable"),
      }),
    );
    const md = toMarkdown(designBlocks(d));
    expect(md).toContain("### Stated requirements");
    expect(md).toMatch(
      /administrators can disable a resolver at any time \| not carried: nothing in this design reads it; it asks for a control operation/,
    );
    const spoken = writeScript(d)
      .steps.map((s) => s.text)
      .join(" ");
    expect(spoken).toContain("'administrators can disable a resolver at any time', is not carried by this design yet");
  });

  it("a protection of the upstream servers is carried by request coalescing on the read path", () => {
    const r = row(design(DNS), "restarting a resolver");
    expect(r.carried).toBe(true);
    expect(r.asks?.kind).toBe("downstream-protection");
    expect(kinds(r)).toContain("mechanism");
  });

  it("is made for each prompt: two prompts with one body keep their own clauses", () => {
    const a = design(`${DNS} (case 1)`);
    const b = design(`${DNS} (case 2)`);
    expect(a.statedRequirements.map((r) => r.at)).toEqual(b.statedRequirements.map((r) => r.at));
    for (const d of [a, b])
      for (const r of d.statedRequirements) expect(d.prompt.slice(r.at, r.at + r.clause.length)).toBe(r.clause);
  });
});
