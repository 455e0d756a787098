import { describe, expect, it } from "vitest";
import { namedGroupSize, sizedGroupComponent } from "../src/engine/group-size.js";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { checkCoherence, design } from "../src/lib/index.js";

const scaleOf = (prompt: string) =>
  Object.fromEntries(Object.entries(parseStatedNfrs(prompt).scale).map(([k, v]) => [k, v.value]));
const unread = (prompt: string) => parseStatedNfrs(prompt).unread.map((u) => u.quote);
const numberHits = (prompt: string) =>
  checkCoherence(design(prompt)).filter((p) => p.rule === "stated-number-unused" || p.rule === "stated-number-unread");
/** The stated inputs a design's figures read, by name. */
const statedRead = (prompt: string) =>
  new Set(design(prompt).capacity.flatMap((r) => r.inputs.filter((i) => i.source === "stated").map((i) => i.name)));

describe("a timer's lead time and its pending count are read (Little's law both ways)", () => {
  it("an offset before or after an event, a delay, or a quiet spell is how far ahead each timer is set", () => {
    expect(scaleOf("Send each renter a push 48 hours before their lease ends.").timer_lead_seconds).toBe(172800);
    expect(scaleOf("Close every support ticket automatically 5 days after the last reply.").timer_lead_seconds).toBe(
      432000,
    );
    expect(scaleOf("Let clients say 'publish this in 20 minutes' for each draft.").timer_lead_seconds).toBe(1200);
    expect(scaleOf("Expire every quote that stays unconfirmed for 3 days.").timer_lead_seconds).toBe(259200);
    expect(scaleOf("Drop a basket that has had no changes for 12 hours.").timer_lead_seconds).toBe(43200);
    expect(scaleOf("Cancel a table booking if the diner hasn't confirmed within 2 hours.").timer_lead_seconds).toBe(
      7200,
    );
  });

  it("a bound, a period or a retention keeps its own reading", () => {
    const p = "Scrape every exporter every 30 seconds and keep the samples for 14 days.";
    expect(scaleOf(p).timer_lead_seconds).toBeUndefined();
    expect(
      scaleOf("Push a flag change to every server within 5 seconds after it is saved.").timer_lead_seconds,
    ).toBeUndefined();
  });

  it("things each waiting for their own moment are the pending timers", () => {
    expect(scaleOf("There are 12 million upcoming vet appointments to remind.").timers).toBe(12000000);
    expect(scaleOf("We hold about 3 million coupons outstanding at any time.").timers).toBe(3000000);
    expect(scaleOf("There are 6 million open quotes.").timers).toBe(6000000);
    expect(scaleOf("40 million trials outstanding need a downgrade.").timers).toBe(40000000);
    expect(scaleOf("5M students open the same lecture videos.").timers).toBeUndefined();
  });

  it("a stated count and lead give the firing rate; a lead alone gives the pending timers", () => {
    const both =
      "Send each subscriber a push 48 hours before their free trial ends; there are 9 million upcoming trial endings.";
    const rows = design(both).capacity;
    const fires = rows.find((r) => r.id === "peak_fires_per_sec");
    expect(fires?.inputs.find((i) => i.name === "tasks_per_sec")?.value).toBeCloseTo(9000000 / 172800, 3);
    expect(numberHits(both)).toEqual([]);
    const lead = "Send each renter a push 48 hours before their lease ends.";
    expect(statedRead(lead).has("timer_lead_seconds")).toBe(true);
    expect(numberHits(lead)).toEqual([]);
  });
});

describe("a race's contenders size nothing", () => {
  it("two parties at the same moment, or both acting, are the race the design settles", () => {
    for (const p of [
      "Keep a wishlist per shopper where two phones adding a product at the same moment never lose either addition.",
      "Two copies of our nightly payroll exporter sometimes both start after a redeploy; only one may write the file.",
      "Each parking spot goes to one driver, even if two drivers tap it at the same instant.",
    ]) {
      const s = scaleOf(p);
      expect(s.clients ?? s.replicas ?? s.users).toBeUndefined();
    }
  });

  it("machines lost at once are a tolerance, never a race", () => {
    expect(unread("Keep serving even after losing 2 servers at once.")).toEqual([]);
  });
});

describe("a handful of voting machines is one consensus group's voters", () => {
  it("is read as voters only where the sentence speaks of agreeing or voting", () => {
    expect(scaleOf("Nine machines must agree on the owner of each tenant's shard.").voters).toBe(9);
    expect(scaleOf("Run the catalog on a 3-node Raft group.").voters).toBe(3);
    expect(scaleOf("Spread the cache over 7 machines.").voters).toBeUndefined();
    expect(scaleOf("Nine hundred machines must agree on the owner of each shard.").voters).toBeUndefined();
  });

  it("the drawing names the stated group and the figures read it", () => {
    const p = "Nine machines must agree on the owner of each tenant's shard, even while four of them are down.";
    const d = design(p);
    const sizes = d.components.map((c) => namedGroupSize(c.name)).filter((n) => n !== undefined);
    expect(sizes.length).toBeGreaterThan(0);
    expect(new Set(sizes)).toEqual(new Set([9]));
    expect(checkCoherence(d).filter((x) => x.rule === "quantity-two-values")).toEqual([]);
    expect(statedRead(p).has("voters")).toBe(true);
  });

  it("renames a leader and its followers, and leaves a group of the stated size alone", () => {
    const leader = {
      id: "l",
      name: "Leader (1 of a 5-node group)",
      kind: "store",
      archetype: "I01",
      holds: [],
      runs: [],
    };
    const followers = {
      ...leader,
      id: "f",
      name: "Followers (4 voters, 2 failures tolerated)",
      because: "five voters keep a majority of three; followers serve reads",
    };
    const seven = { value: 7, quote: "seven machines" };
    expect(sizedGroupComponent({ ...leader, because: "one leader" } as never, seven).name).toBe(
      "Leader (1 of a 7-node group)",
    );
    const f = sizedGroupComponent(followers as never, seven);
    expect(f.name).toBe("Followers (6 voters, 3 failures tolerated)");
    expect(f.because).not.toMatch(/five voters/);
    expect(f.because).toMatch(/majority of 4/);
    expect(sizedGroupComponent(followers as never, { value: 5, quote: "five" })).toBe(followers);
  });
});

describe("stated things a model counts under its own name", () => {
  it("records a pass walks are its items", () => {
    const p =
      "Every weekend, re-validate all 70 million warranty records against the new rules, resuming after crashes.";
    expect(statedRead(p).has("objects")).toBe(true);
    expect(numberHits(p)).toEqual([]);
  });

  it("services whose instances take a configuration are its fleet", () => {
    const p = "Push new retry budgets to the 3,500 services that read them, without a redeploy.";
    expect(statedRead(p).has("services")).toBe(true);
    expect(numberHits(p)).toEqual([]);
  });
});

describe("how often a thing is read is its read rate", () => {
  it("a read verb or a read noun arriving before a frequency states requests", () => {
    expect(scaleOf("Each song's cover art is fetched 90,000 times a second.").requests_per_sec).toBe(90000);
    expect(scaleOf("Price lookups arrive 3,000 times a second.").reads_per_sec).toBe(3000);
    expect(scaleOf("Each invoice is retried 3 times a day.").requests_per_sec).toBeUndefined();
  });
});

describe("an id generator's places size its worker ids", () => {
  it("reads the stated data centres or sites into the worker-id space", () => {
    for (const p of [
      "Mint unique, time-ordered order numbers across 9 data centres.",
      "Each parcel gets a number that is unique across all 25 depots, roughly increasing over time.",
    ]) {
      const share = design(p).capacity.find((r) => r.id === "worker_id_share");
      expect(share?.inputs.some((i) => (i.name === "regions" || i.name === "sites") && i.source === "stated")).toBe(
        true,
      );
      expect(numberHits(p)).toEqual([]);
    }
  });

  it("a list or a multitude after across is no set of sites", () => {
    expect(scaleOf("Renew each plan on its date across 30 million accounts, and never twice.").sites).toBeUndefined();
    expect(scaleOf("Spread the crawl across 2 million hosted stores.").sites).toBeUndefined();
  });
});
