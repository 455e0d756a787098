import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { checkCoherence, design } from "../src/lib/index.js";

const scaleOf = (prompt: string) =>
  Object.fromEntries(Object.entries(parseStatedNfrs(prompt).scale).map(([k, v]) => [k, v.value]));
const quoteOf = (prompt: string, id: string) => parseStatedNfrs(prompt).scale[id]?.quote;
const unread = (prompt: string) => parseStatedNfrs(prompt).unread.map((u) => u.quote);
const numberHits = (prompt: string) =>
  checkCoherence(design(prompt)).filter((p) => p.rule === "stated-number-unused" || p.rule === "stated-number-unread");
/** A capacity figure of a design by id, with the stated inputs it rests on. */
const figureOf = (prompt: string, id: string) => design(prompt).capacity.find((r) => r.id === id);

describe("bytes of a named thing per period are an ingest volume, never the bytes kept", () => {
  it("'3 TB of logs a day' is a daily volume, with the thing's words in its quote", () => {
    const p = "Our 8,000 servers ship 3 TB of logs a day and engineers search the last 30 days.";
    expect(scaleOf(p).bytes_per_day).toBe(3e12);
    expect(scaleOf(p).bytes_stored).toBeUndefined();
    expect(quoteOf(p, "bytes_per_day")).toBe("3 TB of logs a day");
    expect(scaleOf("A dashcam fleet uploads 2 PB of video per month.").bytes_per_day).toBeCloseTo(
      (2e15 * 12) / 365,
      -10,
    );
    expect(scaleOf("We receive 500 GB of clickstream events per hour.").bytes_per_day).toBe(12e12);
    expect(scaleOf("Consoles send 40 TB of crash dumps and traces a day.").bytes_per_day).toBe(40e12);
    expect(scaleOf("A lab writes 20 TB of microscope images every day.").bytes_per_day).toBe(20e12);
  });

  it("bytes of a thing with no period stay the bytes kept", () => {
    expect(scaleOf("Keep 8 PB of customer backups on cheap disks.").bytes_stored).toBe(8e15);
    expect(scaleOf("Keep 8 PB of customer backups on cheap disks.").bytes_per_day).toBeUndefined();
  });

  it("the daily volume drives the ingest bandwidth and, over the retention, the bytes kept", () => {
    const p =
      "Design a log ingestion and search platform: 6,000 servers ship 3 TB of logs a day and engineers search the last 30 days of them.";
    const hot = figureOf(p, "hot_bytes");
    // 3 TB a day is about 35 MB a second, never the typical gigabyte a second
    const bw = hot?.inputs.find((i) => i.name === "bytes_per_sec");
    expect(bw?.value).toBeCloseTo(3e12 / 86400, 0);
    expect(bw?.because).toMatch(/bytes_per_day/);
    expect(hot?.inputs.find((i) => i.name === "retention_days")?.source).toBe("stated");
    expect(numberHits(p)).toEqual([]);
  });
});

describe("'N times a <period>' is a rate of its subject", () => {
  it("a scope before it makes it one key's rate", () => {
    const p = "Each developer key may call the maps API at most 50 times a second.";
    expect(scaleOf(p).requests_per_sec_per_key).toBe(50);
    expect(unread(p)).toEqual([]);
    expect(scaleOf("Let every tenant call the export API at most 20 times per hour.").requests_per_sec_per_tenant).toBe(
      20 / 3600,
    );
  });

  it("a thing written that often is a write rate, one acted on that often a request rate", () => {
    expect(scaleOf("Scores are submitted 60,000 times a second at peak.").writes_per_sec).toBe(60000);
    expect(quoteOf("Scores are submitted 60,000 times a second at peak.", "writes_per_sec")).toBe(
      "Scores are submitted 60,000 times a second",
    );
    expect(scaleOf("The buy button is clicked 9,000 times a second on sale day.").requests_per_sec).toBe(9000);
  });

  it("a scope in an earlier clause does not scope it, and each thing's own pace is no fleet rate", () => {
    expect(scaleOf("Each player sees their rank, and scores are submitted 60,000 times a second.").writes_per_sec).toBe(
      60000,
    );
    const p = "Our vending machines phone home 3 times an hour to report stock.";
    expect(scaleOf(p).requests_per_sec).toBeUndefined();
  });

  it("the stated write rate replaces the assumed one in the figures", () => {
    const p =
      "Design a leaderboard for a puzzle game with 25 million players: scores are submitted 60,000 times a second at peak and the top 1,000 must be exact.";
    const rows = design(p).capacity;
    const used = rows.flatMap((r) => r.inputs).filter((i) => i.name === "writes_per_sec");
    expect(used.length).toBeGreaterThan(0);
    expect(used.every((i) => i.source === "stated" && i.value === 60000)).toBe(true);
  });
});

describe("an organisation sized by its people counts the product's users", () => {
  it("'a 2,000-person office' is 2,000 users", () => {
    expect(scaleOf("Design a meeting-room booking app for a 2,000-person office.").users).toBe(2000);
    expect(scaleOf("Design an internal wiki for a 5,000-person company.").users).toBe(5000);
    expect(scaleOf("A course-registration system for a 30,000-student university.").users).toBe(30000);
    expect(scaleOf("Design the wiki for a 5,000-person company with page history.").users).toBe(5000);
    expect(numberHits("Design an internal wiki for a 5,000-person company with page history and comments.")).toEqual(
      [],
    );
  });

  it("people of a shared subject are its participants, never the organisation's users", () => {
    expect(scaleOf("Design a chat app with 8-person rooms.").users).toBeUndefined();
  });
});

describe("how long an alert's condition must hold is the rule's pending time, added to the time to a page", () => {
  it("'stays above 300 ms for five minutes' near a page is the hold", () => {
    const p =
      "Ingest ten million samples a second and page someone when p99 latency stays above 300 ms for five minutes.";
    expect(scaleOf(p).alert_hold_seconds).toBe(300);
    expect(scaleOf(p).retention_days).toBeUndefined();
    expect(
      scaleOf("Notify an agronomist when a field has stayed too dry for 6 hours, from 5M readings per second.")
        .alert_hold_seconds,
    ).toBe(21600);
    expect(scaleOf("Page the DBA if replication lag remains over 30 seconds for 2 minutes.").alert_hold_seconds).toBe(
      120,
    );
  });

  it("with no alert in the prompt the words keep their other readings", () => {
    expect(scaleOf("The seat stays held for 10 minutes while the buyer pays.").alert_hold_seconds).toBeUndefined();
    expect(scaleOf("The seat stays held for 10 minutes while the buyer pays.").hold_seconds).toBe(600);
  });

  it("the hold reaches a figure: the time from the condition to its page", () => {
    const p =
      "Our 3,000 cold-storage freezers report temperature every 30 seconds; alert the site manager when a freezer stays above -15 C for 10 minutes.";
    const f = figureOf(p, "alert_page_seconds");
    expect(f?.inputs.find((i) => i.name === "alert_hold_seconds")?.source).toBe("stated");
    expect(f?.value).toBeGreaterThan(600);
  });
});

describe("a result time said of results is a search's latency", () => {
  it("'results in under 2 seconds' is a latency target", () => {
    const p = "Engineers search the last 30 days by free text with results in under 2 seconds.";
    expect(parseStatedNfrs(p).latency.map((l) => l.ms)).toEqual([2000]);
    expect(unread(p)).toEqual([]);
  });
});

describe("a duration said of a named timer becomes that timer's parameter", () => {
  it("'cache … for thirty seconds' is the cached copy's TTL", () => {
    expect(
      scaleOf("Use NGINX to cache API responses for thirty seconds in front of the app servers.").ttl_seconds,
    ).toBe(30);
    expect(scaleOf("Our CDN should cache product thumbnails for 10 minutes at every edge.").ttl_seconds).toBe(600);
    expect(numberHits("Use NGINX to cache API responses for thirty seconds in front of the app servers.")).toEqual([]);
  });

  it("positions that stream or come in every N seconds are each mover's update interval", () => {
    expect(scaleOf("Courier locations stream in every 4 seconds and riders see couriers nearby.").update_seconds).toBe(
      4,
    );
    expect(scaleOf("Snow-plough positions come in every 5 seconds from 2,000 trucks.").update_seconds).toBe(5);
  });

  it("a health check every N seconds is a member's heartbeat", () => {
    expect(scaleOf("Instances register themselves and send a health check every 10 s.").heartbeat_seconds).toBe(10);
  });

  it("'queryable for at least 400 days' is a retention", () => {
    expect(scaleOf("Audit events must stay queryable for at least 400 days.").retention_days).toBe(400);
  });

  it("'no later than 5 seconds after its due time' is the due path's latency bound", () => {
    const p = "Release 50 million scheduled status checks per day, each no later than 5 seconds after its due time.";
    expect(parseStatedNfrs(p).latency.map((l) => l.ms)).toEqual([5000]);
    expect(unread(p)).toEqual([]);
    // with no due time after it, the words bound nothing this reader knows
    expect(parseStatedNfrs("The report must be ready no later than 10 seconds after the close.").latency).toEqual([]);
  });
});

describe("people or devices connected at once are the connected clients, never the user base", () => {
  it("'6 million connected at peak' beside registered players", () => {
    const p = "A game with 80 million registered players, 6 million connected at peak, sees friends' status changes.";
    expect(scaleOf(p).clients).toBe(6e6);
    expect(scaleOf(p).users).toBe(8e7);
    expect(unread(p)).toEqual([]);
  });

  it("'N users online at once' and an elided 'N registered'", () => {
    expect(scaleOf("A trivia app has 2 million users online at once during the live show.").clients).toBe(2e6);
    const p = "A multiplayer lobby service with 400,000 players online and 30 million registered.";
    expect(scaleOf(p).clients).toBe(4e5);
    expect(scaleOf(p).users).toBe(3e7);
  });

  it("users logged in over a day stay the user base", () => {
    const p = "Our app has 10 million users logged in a day and 400,000 connected at the evening peak.";
    expect(scaleOf(p).users).toBe(1e7);
    expect(scaleOf(p).clients).toBe(4e5);
  });
});
