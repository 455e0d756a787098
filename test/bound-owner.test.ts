import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";
import { soleOwnerOfStated } from "../src/engine/fields/archetypes.js";
import { breaksBound } from "../src/engine/fields/decisions.js";

const designOf = (prompt: string, overrides: readonly string[] = []) => {
  const r = deriveDesign(prompt, overrides);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const chosen = (d: ReturnType<typeof designOf>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;
const bounded = (d: ReturnType<typeof designOf>) => checkCoherence(d).filter((p) => p.rule === "option-violates-bound");

const GATEWAY =
  "Design an API gateway that routes 300,000 requests per second to 2,000 backend services, authenticates every request, and applies route changes made by operators within 5 seconds.";
const DNS =
  "Design an authoritative DNS service that answers 2 million queries per second worldwide, where a record change is served by every location within 60 seconds.";

describe("a stated bound reaches the part that owns it", () => {
  it.each([
    GATEWAY,
    // paraphrases outside every set
    "Design a load balancer for 50,000 requests per second where weight changes are applied by all balancers within 2 seconds.",
    "Design a service mesh control plane that pushes routing rules to 30,000 sidecars within 3 seconds.",
  ])("the configuration-distribution companion stays and decides by the bound (%s)", (prompt) => {
    const d = designOf(prompt);
    expect(d.archetypes.map((a) => a.id)).toContain("I11");
    expect(d.components.some((c) => c.archetype === "I11")).toBe(true);
    expect(chosen(d, "i11-distribution")).toBe("push");
    // seconds leave no time for health-gated waves, so the companion's rollout question is asked and answered
    expect(chosen(d, "i11-rollout")).toBe("all-at-once");
    expect(d.components.map((c) => c.name).join("\n")).not.toMatch(/health gate/i);
    expect(bounded(d)).toEqual([]);
  });

  it("the gateway names why the companion is drawn and a figure spends the bound", () => {
    const d = designOf(GATEWAY);
    const row = d.archetypes.find((a) => a.id === "I11");
    expect(row?.evidence.join("\n")).toMatch(/only part that owns that clause/);
    expect(soleOwnerOfStated("I17", "I11", GATEWAY)).toBe("propagation_seconds");
    expect(soleOwnerOfStated("I17", "I11", "Design an API gateway for 300,000 requests per second.")).toBeUndefined();
    expect(d.capacity.some((c) => c.inputs.some((i) => i.name === "propagation_seconds"))).toBe(true);
    expect(checkCoherence(d).filter((p) => /propagation_seconds/.test(p.detail))).toEqual([]);
    // the all-at-once push keeps a guard against a bad table: validation and the previous version on every proxy
    expect(d.failures.find((f) => /bad route table/.test(f.failure))?.prevention).toMatch(/validate/);
  });
});

describe("an option slower than half a stated bound is not chosen (option-violates-bound)", () => {
  it("DNS at 60 s sends each serial by NOTIFY and IXFR (its own subject), naming the bound", () => {
    const d = designOf(DNS);
    expect(chosen(d, "i11-dns-distribution")).toBe("notify-ixfr");
    expect(d.decisions.find((x) => x.id === "i11-dns-distribution")?.because).toMatch(/'60 seconds'/);
    expect(bounded(d)).toEqual([]);
  });

  it("an override that keeps the slow option is flagged", () => {
    const d = designOf(DNS, ["decision.i11-dns-distribution=refresh-poll"]);
    expect(chosen(d, "i11-dns-distribution")).toBe("refresh-poll");
    expect(
      bounded(d)
        .map((p) => p.detail)
        .join("\n"),
    ).toMatch(/i11-dns-distribution chose 'refresh-poll'.*'60 seconds'/);
  });

  it("a bound at least twice the option's delay leaves it free", () => {
    const poll = { delays: { bound: "propagation_seconds", seconds: 60, why: "a poll interval" } };
    expect(breaksBound(poll, { propagation_seconds: { value: 120, quote: "2 minutes" } })).toBeUndefined();
    expect(breaksBound(poll, { propagation_seconds: { value: 119, quote: "119 seconds" } })).toMatch(/more than half/);
    expect(breaksBound(poll, {})).toBeUndefined();
    expect(breaksBound({}, { propagation_seconds: { value: 1, quote: "1 second" } })).toBeUndefined();
  });

  it("with no stated bound the config service keeps its staged default", () => {
    const d = designOf("Design a configuration service that distributes settings to 10,000 servers.");
    expect(chosen(d, "i11-rollout")).toBe("staged");
    expect(bounded(d)).toEqual([]);
  });
});

describe("the fleet that takes the changes and serves the reads is sized from the stated read rate", () => {
  it("DNS: the stated queries size the name servers and each server's queries", () => {
    const d = designOf(DNS);
    const perServer = d.capacity.find((c) => c.id === "queries_per_server");
    expect(perServer?.inputs.find((i) => i.name === "queries_per_sec")?.source).toBe("stated");
    expect(d.capacity.find((c) => c.id === "name_servers")?.value).toBe(100);
    expect(checkCoherence(d).filter((p) => /queries per second/.test(p.detail))).toEqual([]);
  });

  it("no read rate stated: no read figure is assumed", () => {
    const d = designOf("Design a configuration service that distributes settings to 10,000 servers.");
    expect(d.capacity.map((c) => c.id)).not.toContain("reads_per_node");
  });
});
