import { describe, expect, it, vi } from "vitest";

// What the coherence verdict reads of a prompt is worked out once per prompt, with the last verdict and the fields
// key it was given for (engine/design/design.ts, `promptCoherence`): a repeated prompt must get the verdict a fresh
// engine gives, whatever was derived before it, and a different fields key (an override) must never get the last one.
type Engine = typeof import("../src/engine/design/design.js");
async function freshEngine(): Promise<Engine> {
  vi.resetModules();
  return import("../src/engine/design/design.js");
}
const coherence = (e: Engine, p: string, o: string[] = []) => {
  const r = e.deriveDesign(p, o);
  if (!r.ok) throw new Error(r.error);
  return JSON.stringify(r.design.coherence);
};

describe("the coherence verdict kept by prompt", () => {
  it("gives a repeated prompt a fresh engine's verdict, and an override its own", async () => {
    // an eventual store under a lock service contradicts it (problems), the plain prompt does not (none); a kennel
    // booking with an amount no rule reads has unread-amount problems made afresh around the kept verdict
    const cases: [string, string[]][] = [
      ["Design a distributed lock service", []],
      ["Design a distributed lock service", ["consistency=eventual"]],
      ["Design a distributed lock service", []],
      ["Design a distributed lock service", ["consistency=eventual"]],
      ["Design a dog kennel booking site where owners reserve 40 runs a night", []],
      ["Design a dog kennel booking site where owners reserve 40 runs a night", []],
      ["Design a distributed lock service", []],
    ];
    const alone = new Map<string, string>();
    for (const [p, o] of cases) {
      const k = `${p}|${o}`;
      if (!alone.has(k)) alone.set(k, coherence(await freshEngine(), p, o));
    }
    const expected = cases.map(([p, o]) => alone.get(`${p}|${o}`));
    expect(expected[1]).not.toBe(expected[0]); // the override changes the verdict, so the case can fail
    const one = await freshEngine();
    for (const [i, [p, o]] of cases.entries()) expect(coherence(one, p, o), `${i}: ${p} ${o}`).toBe(expected[i]);
  }, 300_000);

  it("holds at most PROMPT_COHERENCE_MAX prompts", async () => {
    const e = await freshEngine();
    for (let i = 0; i < e.PROMPT_COHERENCE_MAX + 20; i++) e.deriveDesign(`Design a link shortener (variant ${i})`);
    expect(e.promptCoherenceSize()).toBe(e.PROMPT_COHERENCE_MAX);
  }, 300_000);
});
