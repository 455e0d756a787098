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
    expect(scale("About 900,000 lease expirations a month must fire on time.").requests_per_sec).toBeCloseTo(0.3425, 3);
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

describe("a count said with a period keeps the count and the period", () => {
  it("reads 'from N hosts every minute' as the hosts and their collection interval", () => {
    const s = parsed("Gather temperature from 8,000 servers every minute and chart it.");
    expect(s.scale.nodes?.value).toBe(8000);
    expect(s.scale.scrape_seconds?.value).toBe(60);
    expect(s.unread).toEqual([]);
  });

  it("keeps a count of people said with a period as the people", () => {
    expect(scale("A quiz app played by 4 million users every day.").users).toBe(4e6);
  });
});

describe("reads said per write are the read-to-write ratio", () => {
  it("reads 'N times for every write' and 'N times between edits'", () => {
    expect(scale("Menu pages are fetched 300 times for every update.").read_write_ratio).toBe(300);
    expect(scale("Recipes get viewed thousands of times between edits.").read_write_ratio).toBe(1000);
    expect(scale("Menu pages are fetched 300 times per second.").read_write_ratio).toBeUndefined();
  });

  it("a cache design carries the ratio into a figure whose reason names it", () => {
    const d = design("Menu pages are fetched 300 times for every update; cache them near diners.");
    const unusedOrUnread = d.coherence.filter((c) => c.rule.startsWith("stated-number"));
    expect(unusedOrUnread).toEqual([]);
    const row = d.capacity.find((r) => r.inputs.some((i) => i.name === "read_write_ratio" && i.source === "stated"));
    expect(row?.inputs.find((i) => i.name === "read_write_ratio")?.because).toContain("300 times for every update");
  });
});

describe("a thing kept from everyone else for a time is held that long", () => {
  it("reads 'nobody else may take it for the next N minutes' as the hold", () => {
    const s = parsed("A cleaner claims a room and nobody else may take it for the next fifteen minutes.");
    expect(s.scale.hold_seconds?.value).toBe(900);
    expect(s.scale.hold_seconds?.quote).toBe("fifteen minutes");
  });

  it("reads 'if nobody accepts within N minutes' as a timer set that far ahead", () => {
    expect(scale("A shift is offered to the next nurse if nobody accepts within 12 minutes.").timer_lead_seconds).toBe(
      720,
    );
  });
});

describe("a time of day or an HTTP status is no amount", () => {
  it("never names a clock time or a status code as an unread amount", () => {
    for (const p of [
      "Shop discounts go live at 18:30:00 local time in every market.",
      "Send each tenant a digest at 7am in their own time zone.",
      "The payroll run starts every Friday at 6, and must run once.",
      "Callers past their quota get a 503 instead of a queue slot.",
      "Reject stale writes with HTTP 409.",
    ])
      expect(parsed(p).unread).toEqual([]);
  });

  it("still names an unread amount beside them", () => {
    expect(
      parsed("At 10:15 the ferry app holds 7,000 gangway slots and 40 mooring lines.").unread.map((u) => u.quote),
    ).toEqual(["40 mooring lines"]);
  });
});

describe("a lease design reads a stated hold as its lease", () => {
  it("sizes the idle time after a crash from 'nobody else may take it for N minutes'", () => {
    const d = design("A cleaner claims a room and nobody else may take it for the next fifteen minutes.");
    const idle = d.capacity.find((r) => r.id === "idle_after_crash");
    expect(idle?.value).toBe(900);
    expect(idle?.inputs.some((i) => i.name === "hold_seconds" && i.source === "stated")).toBe(true);
  });
});
