import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { design } from "../src/lib/index.js";

const scale = (p: string) =>
  Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, [v.value, v.quote]]));
const unread = (p: string) => parseStatedNfrs(p).unread.map((u) => u.quote);
const row = (p: string, id: string) => design(p).capacity.find((r) => r.id === id);
const rules = (p: string, rule: string) => checkCoherence(design(p)).filter((x) => x.rule === rule);

describe("a count of things no noun lists is the population the system holds", () => {
  it("reads '80 million carts', '5,000 DAGs', '10k game worlds' as a population", () => {
    expect(scale("Build a store for 80 million carts that survives a data-centre outage.").population).toEqual([
      8e7,
      "80 million carts",
    ]);
    expect(scale("Our scheduler falls behind once we pass 5,000 DAGs.").population).toEqual([5000, "5,000 DAGs"]);
    expect(scale("The game places each of 10k game worlds on a server host.").population).toEqual([
      1e4,
      "10k game worlds",
    ]);
  });

  it("never reads a handful, a portion or each one's own amount as a population", () => {
    expect(scale("We run 3 clusters.").population).toBeUndefined();
    expect(scale("The service hands out blocks of 10,000 ids.").population).toBeUndefined();
    expect(scale("Ten thousand hosts each emit a few hundred counters every ten seconds.").population).toBeUndefined();
  });

  it("ends a count's noun at a comma before 'and', and keeps a joined particle in its noun", () => {
    expect(scale("Show a green dot for 20 million users, and clear it when they leave.").users).toEqual([
      2e7,
      "20 million users",
    ]);
    expect(scale("A session store for 50 million signed-in users.").users).toEqual([5e7, "50 million signed-in users"]);
    expect(scale("Build a 100M-item catalog search.").objects).toEqual([1e8, "100M-item"]);
    expect(scale("Walk a 3-billion-key bucket.").objects).toEqual([3e9, "3-billion-key"]);
  });

  it("holds one record each for a population no model reads, and a write rate only with a stated report interval", () => {
    const p = "Keep the latest state of 40,000 beehive scales for the beekeepers' app.";
    expect(row(p, "population_held_bytes")?.inputs.find((i) => i.name === "population")?.because).toBe(
      "the prompt says '40,000 beehive scales'",
    );
    expect(row(p, "population_reports_per_sec_scrape")).toBeUndefined();
    const timed = row(
      "Keep the latest state of 40,000 beehive scales, each reporting every 20 seconds.",
      "population_reports_per_sec_scrape",
    );
    expect(timed?.value).toBe(2000);
  });

  it("gives a count figure of the very things counted the stated number, and the figures after it read it", () => {
    const p = "Design a shopping cart store for 80 million carts where a cart survives a data-center outage";
    expect(row(p, "carts_held")?.value).toBe(8e7);
    expect(row(p, "carts_held")?.formula).toBe("carts_held = population");
    expect(row(p, "cart_store_bytes")?.inputs.some((i) => i.name === "population" && i.source === "stated")).toBe(true);
    expect(row(p, "population_held_bytes")).toBeUndefined();
  });

  it("sizes a stated population's use with the design's own record size, never a second typical one", () => {
    expect(
      rules("Patients browsing a telehealth app should see which of 50k clinicians are online.", "numbers-disagree"),
    ).toEqual([]);
  });
});

describe("durations, amounts and labels read as what they are", () => {
  it("reads a span kept as a retention, an idle expiry as a TTL and a trailing copy as a freshness bound", () => {
    expect(scale("Every released build stays downloadable for 7 years for auditors.").retention_days?.[0]).toBe(2555);
    expect(scale("Rescan every customer's 5 years of mail.").retention_days?.[0]).toBe(1825);
    expect(scale("Delete accounts after 30 days of inactivity.").retention_days).toBeUndefined();
    expect(scale("Entries expire after 30 idle minutes.").ttl_seconds).toEqual([1800, "30 idle minutes"]);
    expect(scale("The dashboard may be at most 5 seconds behind the orders database.").propagation_seconds?.[0]).toBe(
      5,
    );
    expect(scale("Keep the score at most 2 s stale.").propagation_seconds?.[0]).toBe(2);
  });

  it("reads a dead holder's reclaim deadline as a bound the lease is cut to fit", () => {
    const p =
      "Pickers claim pick tasks from a shared queue; a crashed picker's task must be reclaimed within 2 minutes.";
    expect(scale(p).reclaim_bound_seconds).toEqual([120, "reclaimed within 2 minutes"]);
    const lease = design(p)
      .capacity.flatMap((r) => r.inputs)
      .find((i) => i.name === "lease_seconds");
    // the bound's planned 70%, less a one-second check
    expect(lease?.value).toBeCloseTo(83, 5);
    expect(lease?.because).toContain("reclaim bound");
  });

  it("reads money as the rule's amounts and their ratio as the awards a cap allows", () => {
    const p = "When a member joins, whoever invited them is credited $10, at most $500 per calendar year.";
    expect(scale(p)).toEqual({
      money_amount: [10, "$10"],
      amount_cap: [500, "at most $500 per calendar year"],
    });
    expect(row(`${p} Design the credit service.`, "awards_until_cap")?.value).toBe(50);
  });

  it("reads a slot's length and the slots a resource offers a day", () => {
    expect(scale("Each physiotherapist offers 30-minute slots.").slot_seconds).toEqual([1800, "30-minute slots"]);
    expect(scale("Members book 45-minute classes.").slot_seconds).toEqual([2700, "45-minute classes"]);
    expect(scale("4,000 calls a minute, each recording about 2 MB.").object_bytes?.[0]).toBe(2e6);
    expect(
      row("Clients book 45 minute appointments with a physiotherapist.", "slots_per_resource_per_day")?.value,
    ).toBe(16);
  });

  it("takes labels, sequences and starting values for no amount", () => {
    for (const p of [
      "We print short order numbers like A-10493.",
      "Tickets are numbered 1, 2, 3 and so on.",
      "Retry failed charges on days 1, 3 and 7.",
      "Which sensors in segment 12 are alive?",
      "Codes are short (3-4 digits).",
      "The counter starts at 1 every morning.",
    ])
      expect(unread(p)).toEqual([]);
  });
});

describe("a counted fleet that reports once an interval is the model's own clients", () => {
  it("sizes the heartbeats from the stated fleet, never from another model's typical clients", () => {
    const d = design(
      "Design live position tracking for a ferry network: 400 ferries report their GPS position every 10 seconds, and passengers opening the app see where their ferry is within 2 seconds.",
    );
    // (the membership card read this prompt's "passengers opening the app" as liveness and sized heartbeats_per_sec;
    // opening an app is no presence, so the stated fleet's reports are sized by the population's own row)
    const beats = d.capacity.find((r) => r.id.startsWith("population_reports_per_sec"));
    const fleet = beats?.inputs.find((i) => i.name === "population");
    expect([fleet?.value, fleet?.source]).toEqual([400, "stated"]);
    expect(beats?.value).toBe(40);
    expect(d.capacity.some((r) => r.inputs.some((i) => i.name === "clients" && i.source === "assumed"))).toBe(false);
  });
  it("a counted population with no report interval is no stand-in for the model's clients", () => {
    const p = "Students browsing a tutoring app should see which of 30k tutors are available for a lesson right now.";
    expect(rules(p, "stated-stand-in-replaced")).toEqual([]);
  });
});
