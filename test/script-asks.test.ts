import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";
import { writeScript } from "../src/render/script/index.js";

/** Step 2 says each stated requirement with what it forces: the carrier most about the clause, never a word-sharer. */
const stepTwo = (prompt: string): string[] =>
  (writeScript(design(prompt)).steps[1]?.sentences ?? []).filter((s) => s.startsWith("The prompt"));

describe("step 2's stated requirements", () => {
  it("name the keeper of the clause's own rule, not another rule on the same record", () => {
    const said = stepTwo(
      "Design a job scheduler for 3,000 nightly batch jobs: operators can pause, resume or edit a schedule, a job must never run twice at the same time, and a failed run is retried within 5 minutes.",
    ).find((s) => s.includes("never run twice"));
    expect(said).toBeDefined();
    expect(said).not.toMatch(/idempotency key/);
  });

  it("never call an operation that merely shares a word with the clause its path", () => {
    for (const prompt of [
      "One tenant's nightly export is starving everyone else's queries on the shared cluster; cap what each tenant can use.",
      "Enforce per-API-key quotas across regions without a cross-region call per request.",
      "Design a podcast app: subscribe to shows, download episodes, and resume where you left off on another device.",
    ])
      for (const s of stepTwo(prompt)) expect(s).not.toMatch(/\bis the [a-z ]+ path\b/);
  });
});
