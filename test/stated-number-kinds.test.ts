import { describe, expect, it } from "vitest";
import { statedNfrsOf } from "../src/engine/nfr-parse.js";
import { design } from "../src/lib/index.js";

/** The stated scale of a prompt, by quantity id. */
const scale = (p: string) => Object.fromEntries(Object.entries(statedNfrsOf(p).scale).map(([k, v]) => [k, v.value]));

/** A capacity figure's value in a prompt's design, or an input's value as a figure reads it. */
function sized(p: string, name: string): number | undefined {
  const figures = design(p).capacity;
  return (
    figures.find((f) => f.id === name)?.value ?? figures.flatMap((f) => f.inputs).find((i) => i.name === name)?.value
  );
}

describe("a member's rate said in the next sentence is multiplied by the fleet", () => {
  it("multiplies one member's bandwidth by the fleet counted in the sentence before", () => {
    const a = scale("We collect metrics from 8,000 storage nodes. Every node ships 50 KB of samples a second.");
    expect(a.bytes_per_sec).toBe(400_000_000);
    const b = scale("A fleet of 40,000 cameras uploads clips; each camera sends 2 MB per minute.");
    expect(b.bytes_per_sec).toBeCloseTo((40_000 * 2_000_000) / 60, 0);
    // a fleet counted before another number in its own sentence ("in three regions") is still the one the member names
    const c = scale("We run 6,000 edge servers in three regions. Each server emits 10 KB of traces a second.");
    expect(c.bytes_per_sec).toBe(60_000_000);
  });

  it("keeps a fleet total said as a total, and a member noun no fleet counts", () => {
    expect(scale("Logs from 50,000 hosts. The whole fleet writes 300 MB of logs per second.").bytes_per_sec).toBe(
      300_000_000,
    );
    expect(scale("We have 5,000 servers. Each request carries about 2 KB per second of payload.").bytes_per_sec).toBe(
      2_000,
    );
  });

  it("sizes the ingest from the composed rate", () => {
    const p =
      "Design log shipping for 120,000 virtual machines. Each machine writes about 4 KB of logs per second, and logs are kept 14 days.";
    expect(sized(p, "raw_bytes_per_day")).toBeCloseTo(120_000 * 4_000 * 86_400, -6);
  });
});

describe("a crowd's arrival window is no freshness bound", () => {
  it("reads 'arrive within a few minutes' as the opening window", () => {
    const a = scale("For the festival presale, up to 900,000 fans arrive within a few minutes of the start.");
    expect(a.onsale_seconds).toBe(180);
    expect(a.buyers_at_onsale).toBe(900_000);
    expect(a.propagation_seconds).toBeUndefined();
    const b = scale("At a sneaker drop, 400,000 shoppers show up within two minutes and try to buy 8,000 pairs.");
    expect(b.onsale_seconds).toBe(120);
    expect(b.propagation_seconds).toBeUndefined();
  });

  it("keeps a real freshness bound said beside it, and one with no crowd", () => {
    const a = scale(
      "Flash sale: 300,000 buyers pour in over several minutes. A price change must reach every page within a few minutes.",
    );
    expect(a.onsale_seconds).toBe(180);
    expect(a.propagation_seconds).toBe(300);
    expect(scale("Our 2 million readers should see an edited article within a few minutes.").propagation_seconds).toBe(
      300,
    );
  });
});

describe("a stated count and duration win over the card's defaults", () => {
  it("reads a count of auctions as the auctions open at once and their stated length", () => {
    const a = scale("Our site hosts 50,000 auctions at once and each one lasts three days.");
    expect(a.auctions).toBe(50_000);
    expect(a.timers).toBeUndefined();
    expect(a.run_seconds).toBe(3 * 86_400);
    const p =
      "Design the bidding service for an online auction site for rare coins with 800 auctions running at once, each lasting 90 seconds. Bids must be accepted in arrival order and no confirmed bid may be lost.";
    expect(sized(p, "auctions")).toBe(800);
    expect(sized(p, "auction_days")).toBeCloseTo(90 / 86_400, 8);
  });

  it("keeps the card's typical length when none is stated", () => {
    const p =
      "Design the bidding service for an online auction site with 200,000 auctions open at once. Bids must be accepted in arrival order and no confirmed bid may be lost.";
    expect(sized(p, "auction_days")).toBe(7);
  });
});

describe("a burst on one key is that key's load", () => {
  it("reads a closing burst of bids as the hot item's burst, not a population", () => {
    const a = scale("Rare watches draw hundreds of bids in the final seconds of each auction.");
    expect(a.closing_bids).toBe(100);
    expect(a.closing_burst_seconds).toBe(3);
    expect(a.population).toBeUndefined();
    const b = scale("A star lot can get 800 bids in its last minute.");
    expect(b.closing_bids).toBe(800);
    expect(b.closing_burst_seconds).toBe(60);
  });

  it("reads a listed noun said before 'at' and the figure as what the rate counts", () => {
    expect(
      scale(
        "Design an ID generator that issues 64-bit, time-ordered IDs at 2 million per second across 6 data centres.",
      ),
    ).toMatchObject({ ids_per_sec: 2_000_000 });
    expect(scale("Design a pipeline that ingests click events at 50,000 per second.")).toMatchObject({
      messages_per_sec: 50_000,
    });
    // a noun with no rate of its own (clients) leaves the bare rate a request rate
    expect(scale("Design a gateway that admits clients at 10,000 per second.")).toMatchObject({
      requests_per_sec: 10_000,
    });
    expect(
      sized("Design a unique ID generator that issues IDs at 300,000 per second.", "peak_ids_per_sec"),
    ).toBeGreaterThan(250_000);
  });

  it("sizes the hot auction from the stated burst", () => {
    const p =
      "Design bidding for a collector-car auction site with 2,000 auctions running at once. Hot cars get 600 bids in the last 10 seconds, and no confirmed bid may be lost.";
    expect(sized(p, "hot_auction_bids_per_sec")).toBeCloseTo(60, 5);
  });

  it("reads one thing's rate as that key's, and the system's own rate as the system's", () => {
    expect(scale("A viral clip can receive 200,000 likes in an hour.").messages_per_sec_per_key).toBeCloseTo(55.6, 1);
    expect(
      scale("On a forum, one hot thread sometimes draws 3,000 replies a minute.").messages_per_sec,
    ).toBeUndefined();
    // the system itself: the rate is the whole site's
    expect(scale("A popular site gets 50,000 requests a second.").requests_per_sec).toBe(50_000);
    expect(scale("The platform receives 20,000 comments an hour.").messages_per_sec).toBeCloseTo(5.56, 2);
  });
});

describe("a stated fleet of machines and its cadence size the backup card", () => {
  it("reads employees' computers as the backed-up devices and the stated cadence as the interval", () => {
    const a = scale("Back up 40,000 staff desktops; each desktop backs up every 4 hours.");
    expect(a.devices).toBe(40_000);
    expect(a.backup_interval_seconds).toBe(4 * 3600);
    expect(scale("Our 3,000 databases are backed up every 6 hours.").backup_interval_seconds).toBe(6 * 3600);
    expect(scale("Each office PC backs up nightly to the NAS.").backup_interval_seconds).toBe(86_400);
    expect(scale("We back up our data and keep it safe.").backup_interval_seconds).toBeUndefined();
  });

  it("sizes backup sessions and snapshots from the stated machines and cadence", () => {
    const p =
      "Design a backup service for 2 million employee laptops. Each laptop backs up every hour and sends only what changed, identical chunks are stored once, and any file can be restored as of any day in the last 30 days.";
    expect(sized(p, "backup_sources")).toBe(2_000_000);
    expect(sized(p, "session_starts_per_sec")).toBeCloseTo(2_000_000 / 3600, 3);
    expect(sized(p, "snapshots_retained")).toBeCloseTo(2_000_000 * 30 * 24, -3);
    // one person's computer, not a server: tens of gigabytes, a small share changed a day
    expect(sized(p, "source_bytes")).toBe(50e9);
    const perHour = (2_000_000 * 50e9 * 0.005) / 24;
    expect(sized(p, "backup_scan_bandwidth")).toBeCloseTo(perHour / 3600, -3);
    // no cadence stated: one backup a night in the planned window
    const q =
      "Design a backup service for 2 million employee laptops: identical chunks are stored once and any file can be restored as of any day in the last 30 days.";
    expect(sized(q, "backup_window_seconds")).toBe(8 * 3600);
  });
});

describe("byte sizes spelled out are byte sizes", () => {
  it("reads petabytes, terabytes and gigabytes written as words", () => {
    expect(scale("A file system holding 5 petabytes across 3,000 storage nodes.").bytes_stored).toBe(5e15);
    const a = scale("An archive holding 40 terabytes of scans, growing by 2 gigabytes a day.");
    expect(a.bytes_stored).toBe(4e13);
    expect(a.bytes_per_day).toBeCloseTo(2e9, 0);
  });
});

describe("a total said as a total is never one item's size", () => {
  it("keeps the size of the store items run against as the store's", () => {
    const a = scale("An engine that runs 5,000 SQL queries an hour over a 10 PB data lake.");
    expect(a.bytes_stored).toBe(1e16);
    expect(a.bytes_per_day).toBeUndefined();
    expect(scale("Analysts run 200 reports a minute against our 40 TB warehouse.").bytes_per_day).toBeUndefined();
  });

  it("still reads a size said of each item as the item's", () => {
    const a = scale("Users upload 10,000 photos a second of 2 MB.");
    expect(a.object_bytes).toBe(2e6);
    expect(a.bytes_per_day).toBe(10_000 * 86_400 * 2e6);
  });
});

describe("a plan's allowance is one member's rate, and a second tier keeps the first's unit", () => {
  it("reads a tier's quota as each member's, never the fleet's rate", () => {
    const a = scale(
      "Our public weather API has free and paid plans: free keys get 60 calls a minute, and nothing more.",
    );
    expect(a.requests_per_sec_per_key).toBe(1);
    expect(a.requests_per_sec).toBeUndefined();
    const b = scale("No research group may submit more than 2,000 jobs per hour to the shared sequencing pipeline.");
    expect(b.tasks_per_sec_per_tenant).toBeCloseTo(2_000 / 3_600, 6);
    expect(b.tasks_per_sec).toBeUndefined();
  });

  it("reads the second tier's bare number in the first's unit, the larger as the busiest member's", () => {
    const a = statedNfrsOf(
      "Our public weather API has free and paid plans: free keys get 60 calls a minute, paid keys 6,000, and an abusive key must be cut off.",
    );
    expect(a.scale.requests_per_sec_per_key?.value).toBe(100);
    expect(a.scale.requests_per_sec_per_key?.quote).toBe("60 calls a minute, paid keys 6,000");
    expect(a.unread).toEqual([]);
    const b = statedNfrsOf(
      "Free-tier users may generate at most 20 images a day, paid users 500, and the count must be right.",
    );
    expect(b.scale.writes_per_sec_per_user?.value).toBeCloseTo(500 / 86_400, 8);
    // an allowance is no daily volume of uploads
    expect(b.scale.uploads_per_user_per_day).toBeUndefined();
    expect(b.scale.uploads_per_day).toBeUndefined();
    expect(b.unread).toEqual([]);
    const c = statedNfrsOf(
      "Free users of our photo editor get 50 AI edits a day and paid users 2,000. The limits hold.",
    );
    expect(c.scale.messages_per_sec_per_user?.value).toBeCloseTo(2_000 / 86_400, 8);
    expect(c.unread).toEqual([]);
  });
});

describe("a size said of a key-value store is its total, not each value's", () => {
  it("reads 'a key-value store holding 40 TB' as the bytes stored", () => {
    const a = scale("Design a distributed key-value store holding 40 TB of user sessions, with reads under 5 ms.");
    expect(a.bytes_stored).toBe(40e12);
    expect(a.value_bytes).toBeUndefined();
    // a size said of the values themselves stays each value's
    expect(scale("Design a key-value store where values are up to 4 KB.").value_bytes).toBe(4_000);
  });
});

describe("a rate over a window of several time units, handed to each member", () => {
  it("reads '900 requests per 15 minutes' allowed each key as one key's rate over the window", () => {
    const a = statedNfrsOf(
      "Design a rate limiter for a public REST service like Twitter's that allows each of 50 million API keys 900 requests per 15 minutes across 200 servers.",
    );
    expect(a.scale.requests_per_sec_per_key?.value).toBe(1);
    expect(a.scale.requests_per_sec_per_key?.quote).toBe("900 requests per 15 minutes");
    expect(a.scale.requests_per_sec).toBeUndefined();
    expect(a.unread).toEqual([]);
    expect(scale("Our platform gives every tenant 500 jobs an hour.").tasks_per_sec_per_tenant).toBeCloseTo(
      500 / 3_600,
      8,
    );
  });
});
