import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { design } from "../src/lib/index.js";

const parsed = (p: string) => parseStatedNfrs(p);
const scale = (p: string) => Object.fromEntries(Object.entries(parsed(p).scale).map(([k, v]) => [k, v.value]));

describe("a rate said with a noun no entry lists is the system's own request rate", () => {
  it("reads the count over its time unit, with the noun in its quote", () => {
    const s = parsed("A bakery chain's loyalty service answers 1,200 stamp redemptions per minute at lunch.");
    expect(s.scale.requests_per_sec?.value).toBeCloseTo(20, 5);
    expect(s.scale.requests_per_sec?.quote).toBe("1,200 stamp redemptions per minute");
    expect(s.unread).toEqual([]);
  });

  it("reads per-day and per-month rates, and up to three words of noun", () => {
    expect(scale("The archive takes 8 million parcel scans a day.").requests_per_sec).toBeCloseTo(92.59, 1);
    expect(scale("About 900,000 lease expirations a month must fire on time.").requests_per_sec).toBeCloseTo(0.3472, 3);
    expect(scale("We see 250k ferry ticket checks per hour.").requests_per_sec).toBeCloseTo(69.44, 1);
  });

  it("keeps a scope said before the rate (a limit per caller)", () => {
    const s = scale("Cap each API key at 6 password reset attempts per hour.");
    expect(s.requests_per_sec).toBeUndefined();
    expect(s.requests_per_sec_per_key ?? s.requests_per_sec_per_user).toBeCloseTo(6 / 3600, 6);
  });

  it("leaves a count with no time unit alone", () => {
    expect(scale("We run 40 greenhouse controllers.").requests_per_sec).toBeUndefined();
  });
});

describe("a scheduler reads a stated rate of its own act as the runs it fires", () => {
  it("sizes the fires and the pending timers from it, naming the stated words", () => {
    const d = design(
      "Every library loan must be marked overdue exactly 21 days after checkout, even across restarts; we lend about 600,000 books a month.",
    );
    const fires = d.capacity.find((r) => r.id === "peak_fires_per_sec");
    expect(fires?.inputs.some((i) => i.source === "stated" && i.because.includes("600,000 books a month"))).toBe(true);
    expect(d.coherence.filter((c) => c.rule.startsWith("stated-number") || c.rule === "numbers-disagree")).toEqual([]);
  });
});
