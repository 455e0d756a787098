import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import type { Fields } from "../src/engine/design/types.js";
import { decide } from "../src/engine/fields/decisions.js";
import { hardRuleStances, type StanceInputs } from "../src/engine/hard-rules.js";
import { ARCHETYPE_DECISIONS, conditionsOf } from "../src/knowledge/decisions/index.js";

const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((x) => x.id === id);

describe("a decision re-read against the prompt's stated requirements", () => {
  it("flips to the option whose own flip condition a stated bound meets, over a rule that only saves load", () => {
    // 200M users' contacts make push fan-out large, but 'within 5 seconds' is what push wins on
    const d = design(
      "Design an online presence service that shows whether each of 200 million users is online, with status changes visible to their contacts within 5 seconds.",
    );
    const notify = chosen(d, "i10-notify");
    expect(notify?.chosen).toBe("push");
    expect(notify?.because).toMatch(/propagation_seconds ≈ 5 s \(stated\)/);
    expect(notify?.because).toMatch(/the stated requirement comes first/);
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("decision-asked-twice");
  });

  it("keeps the cheaper option where no stated requirement asks for the other", () => {
    const d = design("Design an online presence service for 300 million users whose contacts see status changes.");
    expect(chosen(d, "i10-notify")?.chosen).toBe("poll");
  });

  it("answers one question once: the decision on weaker ground takes the firmer one's answer, with its reason", () => {
    // no stated bound: the I10 poll rests on a computed fan-out, the I11 push on its fallback
    const d = design("Design an online presence service for 300 million users whose contacts see status changes.");
    const dist = chosen(d, "i11-distribution");
    expect(dist?.chosen).toBe("poll");
    expect(dist?.because).toMatch(/i10-notify asks the same question/);
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("decision-asked-twice");
  });
});

const inputs = (over: Partial<StanceInputs["nfrs"]> = {}): StanceInputs => ({
  nfrs: {
    availability: { value: "stay-available", source: "default", because: "card default" },
    consistency: { value: "eventual", source: "default", because: "card default" },
    guarantees: [{ kind: "once", noun: "job", act: "run", quote: "never runs the same job twice" }],
    ...over,
  },
  invariants: [
    {
      path: "claim a job",
      statement: "No job is run twice.",
      archetype: "I03",
      because: "the prompt says 'never runs the same job twice', a guarantee stated in its own clause",
    },
  ],
});

describe("a stated hard rule forces its path's stance", () => {
  it("makes the rule's path fail closed on a linearizable authority where the design stays up", () => {
    const [s, ...rest] = hardRuleStances(inputs());
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ path: "claim a job", archetype: "I03", availability: "fail-closed" });
    expect(s?.consistency).toBe("linearizable");
  });

  it("forces nothing for a last copy kept serving, nor where the design already fails closed and is linearizable", () => {
    expect(
      hardRuleStances(
        inputs({ guarantees: [{ kind: "last-known", what: "flags", dependency: "service", quote: "keeps serving" }] }),
      ),
    ).toEqual([]);
    expect(
      hardRuleStances(
        inputs({
          availability: { value: "fail-closed", source: "stated", because: "x" },
          consistency: { value: "linearizable", source: "stated", because: "x" },
        }),
      ),
    ).toEqual([]);
  });

  it("turns a limiter's fail-open default into fail-closed on the archetype that keeps the rule", () => {
    const point = ARCHETYPE_DECISIONS.I08.find((p) => p.id === "i08-on-failure");
    if (!point) throw new Error("no i08-on-failure");
    const f = {
      nfrs: {
        availability: { value: "stay-available", source: "default", because: "card default" },
        consistency: { value: "eventual", source: "default", because: "card default" },
      },
    } as unknown as Fields;
    // the prompt says none of the point's word conditions (over-admission that costs money or security)
    const said = Object.fromEntries(conditionsOf(point).flatMap((c) => ("words" in c ? [[c.words, null]] : [])));
    expect(decide(point, "I08", f, new Map(), said).chosen).toBe("fail-open");
    const stance = {
      path: "acquire a concurrency slot below the cap",
      archetype: "I08",
      quote: "at most their quota of jobs at once",
      availability: "fail-closed",
      consistency: "linearizable",
      because: "a hard rule",
    } as const;
    const row = decide(point, "I08", f, new Map(), said, true, stance);
    expect(row.chosen).toBe("fail-closed");
    expect(row.because).toMatch(/fail-closed on 'acquire a concurrency slot below the cap'/);
    expect(row.because).toMatch(/at most their quota/);
  });

  it("says the stance per path and tests the rule's path with a partition and a pause, in the design", () => {
    const d = design(
      "Design a distributed cron service that runs 2 million scheduled jobs a day and never runs the same job twice for one schedule slot.",
    );
    expect(d.context.pathStances?.map((s) => s.path)).toEqual(["claim a runnable run"]);
    expect(d.context.failureStance).toMatch(/^per path: 'claim a runnable run' fails closed/);
    const row = d.failures.find((f) => f.failure.includes("'claim a runnable run'"));
    expect(row?.failure).toMatch(/partition.*pauses past its lease/);
    expect(row?.prevention).toMatch(/fencing token/);
    expect(checkCoherence(d)).toEqual([]);
  });

  it("keeps the rest of a stay-available design up", () => {
    const d = design(
      "Design a metrics alerting system that evaluates 5 million time series every 30 seconds and pages on-call within 60 seconds without duplicate pages.",
    );
    expect(d.nfrs.availability).toBe("stay-available");
    expect(d.context.pathStances?.length).toBe(1);
    expect(d.context.failureStance).toMatch(/every other path stays up/);
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("failure-contradicts-availability");
  });
});
