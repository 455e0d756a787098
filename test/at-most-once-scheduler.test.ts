import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { deriveDesign } from "../src/engine/design/design.js";
import { design } from "../src/lib/index.js";

const designOf = (prompt: string) => {
  const r = deriveDesign(prompt);
  if (!r.ok) throw new Error(r.error);
  return r.design;
};
const chosen = (d: ReturnType<typeof designOf>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;
// what the design draws and says happens (its decisions' option texts name the rejected option's words)
const text = (d: ReturnType<typeof designOf>) =>
  JSON.stringify([d.components, d.links, d.failures, d.diagrams, d.technology, d.operations]);

describe("a scheduler whose prompt states at-most-once gets no at-least-once machinery", () => {
  it.each([
    "Design a delayed task queue where producers schedule tasks up to 30 days ahead; each job must run within 3 seconds of its due time and at most once.",
    "Design a delayed job service where clients schedule jobs up to a week ahead; run each job at most once, within 2 seconds of its due time.",
    "Design a task scheduler that runs each scheduled task at most once; tasks are set up to 90 days ahead.",
  ])("one consumption model, a start mark before the call, no re-claim (%s)", (prompt) => {
    const d = designOf(prompt);
    // no redelivering work queue beside the scheduler's own claims
    expect(d.archetypes.map((a) => a.id)).not.toContain("I05");
    expect(d.components.filter((c) => c.kind === "worker-pool")).toHaveLength(1);
    expect(chosen(d, "i03-handoff")).toBe("claim-in-store");
    expect(chosen(d, "i03-lapsed-run")).toBe("report-unknown");
    const t = text(d);
    expect(t).not.toMatch(/another worker re-claims the task/);
    expect(t).not.toMatch(/execution is at least once/);
    expect(t).toMatch(/mark started durably before the call/);
    expect(t).not.toMatch(/EventBridge Scheduler: Managed/);
    expect(
      checkCoherence(d).filter((p) =>
        ["stance-against-delivery", "option-not-carried", "mechanism-breaks-stated-rule"].includes(p.rule),
      ),
    ).toEqual([]);
  });

  it("a delayed queue with no stated delivery still hands due runs to its queue, redelivered, sized by the runs' rate", () => {
    const d = designOf(
      "Design a delayed task queue where producers schedule tasks up to 30 days ahead; each task must fire within 5 seconds of its due time.",
    );
    expect(d.archetypes.map((a) => a.id)).toContain("I05");
    expect(chosen(d, "i03-handoff")).toBe("release-to-queue");
    expect(chosen(d, "i03-lapsed-run")).toBe("rerun");
    expect(text(d)).toMatch(/redeliver/);
    const rate = (q: string) => d.capacity.flatMap((r) => r.inputs).find((i) => i.name === q)?.value;
    expect(rate("tasks_per_sec")).toBeGreaterThan(0);
    expect(rate("messages_per_sec")).toBe(rate("tasks_per_sec"));
  });
});

describe("at most once, in other words", () => {
  it("reads 'no more than once' as at-most-once delivery, but not a rate ('no more than once per day')", () => {
    expect(
      design("Design a delayed job queue where each job runs no more than once, up to 7 days ahead.").nfrs.delivery,
    ).toBe("at-most-once");
    expect(design("Users may redeem a coupon no more than once per day.").nfrs.delivery).not.toBe("at-most-once");
  });
});
