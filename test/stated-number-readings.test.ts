import { describe, expect, it } from "vitest";
import { parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { checkCoherence, type Design, design } from "../src/lib/index.js";

const scale = (p: string) =>
  Object.fromEntries(Object.entries(parseStatedNfrs(p).scale).map(([k, v]) => [k, [v.value, v.quote]]));
const reading = (p: string, id: string) => parseStatedNfrs(p).scale[id]?.reading;
const unread = (p: string) => parseStatedNfrs(p).unread.map((u) => u.quote);

describe("a count said before a list of other things is still the count", () => {
  it("reads a plural followed by other listed things as its own count", () => {
    expect(scale("Design a photo forum with 40 million members, albums, tags and a daily digest.").users).toEqual([
      4e7,
      "40 million members",
    ]);
    expect(scale("A recipe site holding 2 million recipes, ratings and shopping lists.").population).toEqual([
      2e6,
      "2 million recipes",
    ]);
    expect(scale("A quiz app with 6M players, read and written by player id on each answer.").users).toEqual([
      6e6,
      "6M players",
    ]);
    expect(unread("A quiz app with 6M players, read and written by player id on each answer.")).toEqual([]);
  });

  it("keeps listed kinds before their head noun, and a list that ends in a rate", () => {
    expect(scale("We send 300 million push, email and SMS messages a day.").requests_per_sec?.[0]).toBeCloseTo(
      3e8 / 86400,
      3,
    );
    expect(
      scale("A mailer sends 20 million emails, texts and push notifications a day.").messages_per_sec?.[0],
    ).toBeCloseTo(2e7 / 86400, 3);
  });
});

describe("a counted subject followed by its verb counts the subject", () => {
  it("reads the plural before a verb of an act as the population, never the act as a rate", () => {
    expect(scale("Owners of 7,000 bakeries change menu prices from a web page.").population).toEqual([
      7000,
      "7,000 bakeries",
    ]);
    expect(scale("A wiki where 4,000 engineers edit pages.").users).toEqual([4000, "4,000 engineers"]);
    expect(scale("A portal whose 300,000 employers update their postings.").users?.[0]).toBe(300000);
  });

  it("leaves a modifier noun before its act noun alone", () => {
    expect(scale("Handle 20,000 order updates per second.").writes_per_sec?.[0]).toBe(20000);
    expect(scale("A tracker taking 3,000 vessel GPS pings per second.").requests_per_sec?.[0]).toBe(3000);
  });
});

describe("a product's or model's digits are a name, never an amount", () => {
  it("never reads 'Route 53', 'Windows 11' or 'Android 14' as an amount", () => {
    expect(unread("Design a resolver like Route 53 for 4 million hosted zones.")).toEqual([]);
    expect(unread("Roll out patches to laptops on Windows 11 across 30,000 offices.")).toEqual([]);
    expect(unread("Build a kiosk tool for tablets running Android 14 across 9,000 stores.")).toEqual([]);
  });

  it("keeps a product's name with its digits inside the noun it modifies", () => {
    expect(scale("Encrypt data keys for 8 million S3 buckets.").population).toEqual([8e6, "8 million S3 buckets"]);
    expect(scale("We run 400 EC2 hosts.").nodes).toEqual([400, "400 EC2 hosts"]);
  });

  it("still reads a capitalised word's count where a scale word or a counted plural follows", () => {
    expect(scale("Serve shoppers in Europe with 30 million users.").users?.[0]).toBe(3e7);
  });
});

describe("one kept out of so many is a share", () => {
  it("reads '1 in 100 traces' and 'one in 1,000 requests' as a sample share, never a population", () => {
    const p = "Design tracing for 2,000 services that keeps 1 in 100 traces.";
    expect(scale(p).trace_sample_share).toEqual([0.01, "keeps 1 in 100 traces"]);
    expect(scale(p).population).toBeUndefined();
    expect(scale("Our tracer samples one in 1,000 requests.").trace_sample_share?.[0]).toBeCloseTo(0.001, 6);
  });
});

describe("a number word joined into a term counts nothing", () => {
  it("never reads 'one-time' or 'two-phase' as a count", () => {
    const p = "A gateway sends 30 million one-time codes and receipts a day through 12 carriers.";
    expect(scale(p).codes_per_sec?.[0]).toBeCloseTo(3e7 / 86400, 3);
    expect(unread(p)).toEqual([]);
    expect(scale("Use a two-phase commit across 5 databases.").databases).toEqual([5, "5 databases"]);
  });
});

describe("a count said with the short span it happens in is a rate (a burst)", () => {
  it("divides the count by the span and takes it as the peak", () => {
    const p = "A stadium app sends 8 million alerts in 4 minutes when a goal is scored.";
    expect(scale(p).requests_per_sec?.[0]).toBeCloseTo(8e6 / 240, 3);
    expect(reading(p, "requests_per_sec")).toContain("= 33,333 a second while it lasts");
    expect(parseStatedNfrs(p).implied.peak_factor?.value).toBe(1);
    expect(unread(p)).toEqual([]);
    expect(scale("The box office takes 900,000 requests in the first minute of a sale.").requests_per_sec?.[0]).toBe(
      15000,
    );
    expect(scale("Push 2 million updates in an hour.").writes_per_sec?.[0]).toBeCloseTo(2e6 / 3600, 3);
  });

  it("never reads a limit, one scope's quota, a stock, a bound after an event or a vague span as a burst", () => {
    expect(scale("Block any IP that sends more than 300 requests in a minute.").requests_per_sec).toBeUndefined();
    expect(scale("Lock an account after 5 failed attempts in 10 minutes.").requests_per_sec).toBeUndefined();
    expect(scale("Fans buy 60,000 seats in the first minute.").bookings_per_sec).toBeUndefined();
    expect(scale("Logs are searchable within 10 seconds of being written.").propagation_seconds?.[0]).toBe(10);
    expect(scale("It relays 1,000 messages in seconds.").messages_per_sec).toBeUndefined();
  });

  it("never reads the receivers a change fans out to as a burst: they are a set reached within a bound", () => {
    const flags = scale("Build a feature flag platform where a flag change reaches 50,000 SDKs within 3 seconds.");
    expect(flags.requests_per_sec).toBeUndefined();
    expect(flags.propagation_seconds?.[0]).toBe(3);
    expect(scale("A routing change is pushed to 40,000 hosts within a minute.").requests_per_sec).toBeUndefined();
    expect(
      scale("A control plane pushes routing rules to 30,000 sidecars within 3 seconds.").requests_per_sec,
    ).toBeUndefined();
    // the same count as acts keeps its burst
    expect(scale("The hub sends 50,000 commands within 3 seconds of a storm warning.").requests_per_sec).toBeDefined();
  });
});

describe("one count of two kinds said together shares the one time unit", () => {
  it("reads 'N codes and receipts a day' as the rate of both", () => {
    const p = "The notifier sends 12 million codes and order updates a day.";
    expect(scale(p).codes_per_sec?.[0]).toBeCloseTo(12e6 / 86400, 3);
    expect(reading(p, "codes_per_sec")).toContain("one count for both kinds");
    expect(scale("The API takes 40,000 writes and 9,000 reads per second.").writes_per_sec?.[0]).toBe(40000);
  });
});

describe("a stored total said over a span of years is a growth", () => {
  it("reads the total as stored and its daily ingest as the total over the span's days", () => {
    const p = "Store 40 PB over ten years of satellite imagery.";
    expect(scale(p).bytes_stored).toEqual([4e16, "40 PB"]);
    expect(scale(p).bytes_per_day?.[0]).toBeCloseTo(4e16 / 3650, 0);
    expect(reading(p, "bytes_per_day")).toContain("a year");
    expect(scale("An archive that grows to 2 PB of scans within 5 years.").bytes_per_day?.[0]).toBeCloseTo(
      2e15 / 1825,
      0,
    );
  });

  it("never reads a plain total, or a daily ingest, as a growth over a span", () => {
    expect(scale("Keep 8 PB of backups.").bytes_per_day).toBeUndefined();
    expect(scale("Ingest 500 GB per day and keep it for 3 years.").bytes_per_day?.[0]).toBe(5e11);
  });
});

describe("a design never prints a default for a quantity the prompt states", () => {
  it("flags a figure reading a stated quantity under its own name at a typical value", () => {
    const d = design("Design a shopping cart service for 30 million shoppers that keeps each cart for 30 days.");
    const own = (x: Design) => checkCoherence(x).filter((p) => p.rule === "stated-stand-in-replaced");
    expect(own(d)).toEqual([]);
    const row = d.capacity.find((r) => r.inputs.some((i) => i.name === "users" && i.source === "stated"));
    expect(row).toBeDefined();
    const bent = structuredClone(d) as Design;
    const input = bent.capacity.find((r) => r.id === row?.id)?.inputs.find((i) => i.name === "users");
    if (input) {
      input.value = 1000000;
      input.source = "assumed";
    }
    expect(
      own(bent)
        .map((p) => p.detail)
        .join(" "),
    ).toContain("reads users = 1M assumed, but the prompt states users");
  });
});

describe("a stated window sizes what waits in it, and a stated per-scope rate its one node", () => {
  it("a hold or a lead time gives the things waiting at once and their timer index (Little's law)", () => {
    const d = design("Design a restaurant booking site where a table is held for 15 minutes while the diner confirms.");
    const waiting = d.capacity.find((r) => r.id === "hold_waiting");
    expect(waiting?.formula).toContain("timed_items_per_sec * hold_seconds");
    expect(waiting?.inputs.find((i) => i.name === "hold_seconds")?.source).toBe("stated");
    // the rate of things held is not stated: it is assumed, and the assumption is named
    expect(waiting?.inputs.find((i) => i.name === "timed_items_per_sec")?.because).toContain("planning figure");
  });

  it("a stated rate of the things timed is the rate, never the planning figure", () => {
    const d = design(
      "Design a courier dispatch service that offers 2,000 tasks per second and takes a task back if it is not accepted within 30 seconds.",
    );
    const waiting = d.capacity.find((r) => r.id === "timer_lead_waiting");
    expect(waiting?.inputs.find((i) => i.name === "timed_items_per_sec")?.value).toBe(2000);
    expect(waiting?.value).toBe(60000);
  });

  it("one user's stated rate is measured against one store node", () => {
    const d = design("Make sure a single customer cannot send more than 36,000 emails an hour through our platform.");
    const share = d.capacity.find((r) => r.id === "one_user_node_share_messages");
    expect(share?.inputs.find((i) => i.name === "messages_per_sec_per_user")?.value).toBe(10);
    expect(share?.value).toBeCloseTo(10 / 100000, 8);
  });
});

describe("people counted per period", () => {
  it("people let in each period are the admission rate; people counted a day are the users", () => {
    expect(scale("The queue page admits 3,000 fans a minute to checkout.").admits_per_sec?.[0]).toBe(50);
    const p = "A taxi app that matches 8 million riders a day with 900,000 drivers.";
    expect(scale(p).users).toEqual([8e6, "8 million riders a day"]);
    expect(reading(p, "users")).toContain("active in a day");
    expect(unread(p)).toEqual([]);
  });

  it("keeps a people count with no period as the users", () => {
    expect(scale("A taxi app for 8 million riders.").users).toEqual([8e6, "8 million riders"]);
  });
});
