import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";
import {
  alternativesWalk,
  apiWalk,
  assumptionsWalk,
  boxesWalk,
  doingOf,
  flagged,
  keepersWalk,
  ownershipWalk,
  readsWalk,
  scaleWalk,
} from "../src/render/script/walk.js";

const limiter = design("design a distributed rate limiter for 50k requests per second");
const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe("each step walks the design's own rows", () => {
  it("step 1 states each assumed number with what it stands for", () => {
    expect(texts(assumptionsWalk(limiter))).toContain(
      "I'll assume 20 gateways, a gateway fleet of a couple of dozen instances.",
    );
  });

  it("step 2 says which box alone writes each critical record, and by what key", () => {
    expect(texts(ownershipWalk(limiter))).toContain(
      "Admitting a request changes the budget record, which only the counter store writes, one scope key at a time.",
    );
    expect(doingOf("count the request in the current window and")).toBe("counting the request in the current window");
  });

  it("step 3 says what flows between the boxes and each record's key and fields", () => {
    const said = texts(boxesWalk(limiter));
    expect(said).toContain(
      "The limiter sends take tokens or acquire slot to the counter store and admitted requests to the protected backend.",
    );
    expect(said).toContain("The callers send request to the limiter.");
    expect(said).toContain(
      "The LimitPolicy record is keyed by scope pattern and holds rate, burst, cap, stance and version.".replace(
        "LimitPolicy",
        "limit policy",
      ),
    );
  });

  it("step 4 names the mechanism that keeps each rule, and what each call guarantees", () => {
    expect(texts(keepersWalk(limiter))).toContain(
      "What the set limit call guarantees: every limiter converges on the new version.",
    );
    expect(texts(keepersWalk(limiter)).join(" ")).toMatch(
      /^Atomic counter update\b.* keeps? this: checking and spending a budget is one atomic step/i,
    );
  });

  it("step 5 says each call's fields, errors and guarantee", () => {
    const said = texts(apiWalk(limiter));
    expect(said).toContain(
      "The set limit call takes rate, burst, cap, stance and expected version and returns policy version.",
    );
    expect(said).toContain("The set limit call can answer 409 version conflict.");
  });

  it("step 6 says each decision's alternative, when it wins, and what it would buy and cost", () => {
    const said = texts(alternativesWalk(limiter));
    const at = said.findIndex((x) =>
      x.startsWith("Sliding-window counter would win when the limit is stated as a quota"),
    );
    expect(at).toBeGreaterThanOrEqual(0);
    expect(said[at + 1]).toBe(
      "The upside of sliding-window counter: a smooth per-window quota without the fixed window's double burst at the boundary.",
    );
  });

  it("step 7 says what feeds each derived copy", () => {
    const tickets = design("design a concert ticket booking site where 200k fans race for 50k seats");
    expect(texts(readsWalk(tickets)).join(" ")).toMatch(
      /feeds item state changes to the availability cache, which serves reads from its copy/,
    );
    expect(texts(boxesWalk(tickets)).join(" ")).not.toMatch(/item state changes/);
  });

  it("step 7 says where each read is served and how stale it may be", () => {
    expect(texts(readsWalk(limiter))).toContain(
      "Matching the request to its policy on the enforcing node reads a derived copy, and its staleness is the node's last applied policy version, seconds behind the policy store.",
    );
  });

  it("step 8 says each figure with its arithmetic and each further failure with its guard and repair", () => {
    const said = texts(scaleWalk(limiter));
    expect(said).toContain(
      "Admission checks per gateway at peak: 50 thousand requests a second over 20 gateways, that's about 2.5 thousand requests a second.",
    );
    const third = said.findIndex((x) => x.startsWith("A third failure: "));
    expect(said[third + 1]).toMatch(/^The guard against it: /);
    expect(said[third + 2]).toMatch(/^If it happens anyway, /);
    // a compound unit ("req/min/key") has no spoken form, so its figure is not said
    expect(said.join(" ")).not.toMatch(/ or min\b/);
  });
});

describe("a walk sentence the script's checks flag is left unsaid", () => {
  it("flags symbols and cell text, passes a clean sentence", () => {
    expect(flagged(limiter, 5, "The get call takes path and returns cache status hit | miss | stale.")).toBe(true);
    expect(flagged(limiter, 5, "The set limit call can answer 409 version conflict.")).toBe(false);
  });
});

describe("the walk fills the round", () => {
  // invented prompts, none from a pointed-to file
  const prompts = [
    "design a distributed rate limiter for 50k requests per second",
    "design a seat reservation system for a theatre chain with 3 million bookings a month",
    "design a durable job queue that runs 20k jobs per second with retries",
    "design a photo sharing app with 10 million daily users",
    "design a key value store replicated across 3 regions",
  ];
  for (const p of prompts)
    it(`${p}: at least 9 minutes of talk, every step within its time box`, () => {
      const s = writeScript(design(p));
      expect(s.totals.seconds, p).toBeGreaterThanOrEqual(540);
      for (const st of s.steps) expect(st.seconds, `${p} step ${st.step}`).toBeLessThanOrEqual(st.budgetSeconds);
    });
});
