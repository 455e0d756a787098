import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { designCapacityRows, evaluateCapacity } from "../src/engine/capacity.js";
import { design } from "../src/engine/design/design.js";
import { formatQuantity } from "../src/engine/quantity-format.js";
import { ARCHETYPE_CAPACITY, type CapacityModel } from "../src/knowledge/capacity/index.js";
import { evaluateFormula, formulaVariables, parseFormula } from "../src/knowledge/notation/formula.js";
import { QUANTITY_BY_ID } from "../src/knowledge/quantities.js";
import { ARCHETYPE_IDS } from "../src/knowledge/schema.js";

const NAMES: Record<string, string> = {
  I01: "a ZooKeeper-like coordination service",
  I02: "a distributed lock service",
  I03: "a distributed job scheduler",
  I04: "a web crawler",
  I05: "a distributed message queue like Kafka",
  I06: "a search indexing pipeline",
  I07: "a CDN",
  I08: "a rate limiter",
  I09: "a unique ID generator",
  I10: "a presence service",
  I11: "a configuration distribution service",
  I12: "a payment system",
  I13: "a collaborative document editor",
  I14: "a container image registry",
  I15: "a serverless function platform",
  I16: "a distributed key-value store",
  I17: "a load balancer",
  I18: "a metrics monitoring system",
  I19: "a distributed file system",
};

const figure = (prompt: string, id: string, overrides: string[] = []) =>
  design(prompt, overrides).capacity.find((r) => r.id === id);

describe("capacity models (knowledge)", () => {
  it("states a rate's reason in the rate's own unit: a count of cycles times the writes in each equals the rate", () => {
    const WORDS: Record<string, number> = { one: 1, "a hundred": 100, "a thousand": 1000, "ten thousand": 10000 };
    const countOf = (w: string) => WORDS[w] ?? Number(w.replace(/,/g, ""));
    let checked = 0;
    for (const id of ARCHETYPE_IDS) {
      for (const i of ARCHETYPE_CAPACITY[id].inputs) {
        const why = i.why ?? "";
        const m = /\babout (\d[\d,]*|one|a hundred|a thousand|ten thousand) [a-z -]*?a second\b/.exec(why);
        if (i.typical === undefined || !m?.[1]) continue;
        // "acquires and releases about a thousand locks" is two writes per lock; "500 lock cycles a second,
        // each an acquire and a release" says the two; one action per counted thing is one
        const pair = /\b\w+s and \w+s about\b/.test(why) ? 2 : 1;
        const each = /, each (an? \w+(?: and an? \w+)+)/.exec(why)?.[1]?.split(" and ").length ?? 1;
        expect(countOf(m[1]) * pair * each, `${id} ${i.quantity}: ${why}`).toBe(i.typical);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });

  it("covers every archetype with at least three figures over known quantities", () => {
    for (const id of ARCHETYPE_IDS) {
      const m = ARCHETYPE_CAPACITY[id];
      expect(m.figures.length, id).toBeGreaterThanOrEqual(3);
      // a figure may read any other figure of its model: they are evaluated in dependency order (`dependencyOrder`)
      const known = new Set([
        ...m.inputs.map((i) => i.quantity),
        ...QUANTITY_BY_ID.keys(),
        ...m.figures.map((f) => f.id),
      ]);
      for (const i of m.inputs) {
        expect(QUANTITY_BY_ID.has(i.quantity), `${id} input ${i.quantity}`).toBe(true);
        if (i.typical !== undefined) expect((i.why ?? "").length, `${id} ${i.quantity} says why`).toBeGreaterThan(10);
      }
      for (const f of m.figures) {
        for (const v of formulaVariables(parseFormula(f.expression)))
          expect(known.has(v), `${id}.${f.id} uses ${v}`).toBe(true);
      }
    }
  });

  it("evaluates every figure of every model with no prompt numbers at all, except one shown only when stated", () => {
    for (const id of ARCHETYPE_IDS) {
      const model = ARCHETYPE_CAPACITY[id];
      // a figure over a quantity no one types (a retry window) appears only when the prompt states it
      // (an input the model reads only when stated is never assumed, not even at its quantity's common default: the
      // regions a limiter's budget is shared across)
      // (a figure that reads a figure left out is left out too)
      const shown = new Set<string>();
      const typed = (v: string) =>
        shown.has(v) ||
        (!model.inputs.some((i) => i.quantity === v && i.statedOnly) &&
          (QUANTITY_BY_ID.get(v)?.assumed !== undefined ||
            model.inputs.some((i) => i.quantity === v && !i.statedOnly)));
      // figures read each other in dependency order, not list order: grow the shown set until it settles
      for (let grew = true; grew; ) {
        grew = false;
        for (const f of model.figures)
          if (!shown.has(f.id) && [...formulaVariables(parseFormula(f.expression))].every(typed)) {
            shown.add(f.id);
            grew = true;
          }
      }
      const always = model.figures.filter((f) => shown.has(f.id));
      const rows = evaluateCapacity(model, id, {});
      expect(
        rows.map((r) => r.id),
        id,
      ).toEqual(always.map((f) => f.id));
    }
  });
});

describe("capacity in designs", () => {
  it("gives every infra design at least three evaluated figures with units", () => {
    for (const id of ARCHETYPE_IDS) {
      const d = design(`Design ${NAMES[id]}`);
      expect(d.archetypes[0]?.id, NAMES[id]).toBe(id);
      const rows = d.capacity.filter((r) => r.archetype === id);
      expect(rows.length, id).toBeGreaterThanOrEqual(3);
      for (const r of rows) {
        expect(r.unit.length).toBeGreaterThan(0);
        expect(r.display).toMatch(/\d/);
      }
    }
  });

  it("property: every input is stated, assumed or set by override, and every figure is finite and positive", () => {
    const numbers = fc.oneof(
      fc.constantFrom(
        "10k rps",
        "5M users",
        "200,000 leases",
        "1 TB/day",
        "a billion pages a month",
        "7 days retention",
      ),
      fc.constantFrom(
        "50k writes and 200k reads per second",
        "thousands of servers",
        "a 10 second TTL",
        "3.2e6 events per day",
      ),
      fc.constantFrom("100 requests per minute per API key", "twenty thousand messages per second", "10 000 users", ""),
    );
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(NAMES)), numbers, numbers, (name, a, b) => {
        const d = design(`Design ${name} with ${a} and ${b}`);
        for (const r of d.capacity) {
          expect(Number.isFinite(r.value) && r.value > 0, `${r.formula} = ${r.value}`).toBe(true);
          expect(r.inputs.length).toBeGreaterThan(0);
          for (const i of r.inputs) {
            expect(["stated", "assumed", "override"]).toContain(i.source);
            expect(i.because.length).toBeGreaterThan(5);
            // a share may be none at all (no rollups kept: rollup_share 0%); every other input is a positive amount
            expect(Number.isFinite(i.value) && (i.value > 0 || (i.value === 0 && /_share$/.test(i.name)))).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps a per-key limit apart from the fleet's traffic", () => {
    const p = "Design a rate limiter: 100 requests per minute per API key across a fleet of gateways";
    const d = design(p);
    const peak = d.capacity.find((r) => r.id === "peak_requests_per_sec");
    const fleet = peak?.inputs.find((i) => i.name === "requests_per_sec");
    // The fleet's rate is the archetype's typical total, never the 1.67/s one key may spend.
    expect(fleet?.source).toBe("assumed");
    expect(fleet?.value).toBeGreaterThan(1000);
    const perKey = d.capacity.find((r) => r.id === "limit_per_key_per_minute");
    expect(perKey?.value).toBeCloseTo(100, 6);
    expect(perKey?.inputs[0]).toMatchObject({ name: "requests_per_sec_per_key", source: "stated" });
    expect(d.bottlenecks[0]?.estimate ?? "").not.toMatch(/1\.67 ops\/s/);
  });

  it("converts per-month and per-day rates", () => {
    const peak = figure("Design a web crawler that fetches a billion pages a month", "peak_fetches");
    const rate = peak?.inputs.find((i) => i.name === "items_per_sec");
    expect(rate?.value).toBeCloseTo((1e9 * 12) / (365 * 86400), 3);
    expect(rate?.source).toBe("stated");
    // a crawl sets its own pace: its peak is its steady rate (no daily peak factor)
    expect(peak?.value).toBeCloseTo((1e9 * 12) / (365 * 86400), 3);
    const log = figure("Design a message queue for 3.2e6 events per day", "peak_messages_per_sec");
    expect(log?.value).toBeCloseTo((3.2e6 / 86400) * 3, 6);
  });

  it("derives fleet totals from stated per-user rates and users", () => {
    const d = design("Design a message queue for 10M users, each user sends 40 messages a day");
    const peak = d.capacity.find((r) => r.id === "peak_messages_per_sec");
    expect(peak?.value).toBeCloseTo(((1e7 * 40) / 86400) * 3, 3);
  });

  it("pins an input and recomputes everything downstream", () => {
    const p = "Design a distributed message queue";
    const plain = design(p);
    const pinned = design(p, ["scale.messages_per_sec=1000000"]);
    const get = (d: typeof plain, id: string) => d.capacity.find((r) => r.id === id);
    expect(get(pinned, "peak_messages_per_sec")?.value).toBe(3e6);
    expect(get(pinned, "peak_messages_per_sec")?.inputs.find((i) => i.name === "messages_per_sec")?.source).toBe(
      "override",
    );
    expect(get(pinned, "partitions_needed")?.value).toBeGreaterThan(get(plain, "partitions_needed")?.value ?? 0);
    expect(get(pinned, "retained_bytes")?.value).toBeCloseTo((get(plain, "retained_bytes")?.value ?? 0) * 20, 0);
    // The computed partition count feeds the bottleneck formulas, through the per-partition figure.
    const per = get(pinned, "messages_per_partition")?.display.replace("≈ ", "") ?? "-";
    const hot = pinned.bottlenecks.find((b) => /busiest partition/.test(b.estimate ?? ""));
    expect(hot?.estimate).toContain(`messages_per_partition = ${per}`);
  });

  it("sizes consensus groups and says when one leader saturates", () => {
    const few = figure("Design a distributed lock service for 1,000 locks", "consensus_groups");
    // only acquires and releases go through the log, but every keep-alive reaches a leader, which answers it from
    // memory: the groups are enough for whichever load needs more (100k sessions renewing a 5 s lease three times
    // is 60k keep-alives a second, four leaders at half of 30k requests a second each)
    const many = figure("Design a distributed lock service handling 2 million writes per second", "consensus_groups");
    expect(
      figure("Design a distributed lock service for 2 million locks with 5-second leases", "consensus_groups")?.value,
    ).toBe(4);
    expect(few?.value).toBe(1);
    expect(many?.value).toBeGreaterThan(100);
    const util = figure("Design a ZooKeeper-like coordination service", "leader_utilisation");
    expect(util?.unit).toBe("fraction");
    expect(util?.display).toMatch(/%$/);
  });

  it("never sizes a replicated store below its replica count", () => {
    const nodes = figure("Design a distributed key-value store", "storage_nodes");
    expect(nodes?.value).toBeGreaterThanOrEqual(3);
  });

  it("derives series from monitored hosts, and sizes ingesters by a series budget, apart from the hosts", () => {
    const d = design("Design a metrics monitoring system for 10,000 nodes");
    const need = d.capacity.find((r) => r.id === "ingesters_needed");
    expect(need?.inputs.find((i) => i.name === "series")?.value).toBe(1e7);
    expect(need?.inputs.find((i) => i.name === "series_budget_per_ingester")?.source).toBe("assumed");
    // ten million series on three replicas at two million each
    expect(need?.value).toBe(15);
  });

  it("never asks for numbers in the checklist once the capacity section sizes the design", () => {
    for (const id of ARCHETYPE_IDS) {
      const d = design(`Design ${NAMES[id]}`);
      expect(
        d.checklist.some((c) => /state the numbers/.test(c.missing ?? "")),
        id,
      ).toBe(false);
    }
  });
});

describe("number formatting", () => {
  it.each([
    [385.8, "pages/s", "386 pages/s"],
    [1.6e12, "B/day", "1.6 TB/day"],
    [1.81e15, "B", "1.81 PB"],
    [1.5e8, "B/s", "150 MB/s"],
    [999_950, "req/s", "1M req/s"],
    [12_000, "req/s", "12k req/s"],
    [3.3e9, "users", "3.3B users"],
    [0.35, "fraction", "35%"],
    [86400 * 30, "s", "30 days"],
    [0.25, "s", "250 ms"],
    [600, "s", "10 min"],
    [42, "B", "42 B"],
    // a size set in powers of two keeps its binary unit; a round decimal one stays decimal
    [64 * 2 ** 20, "B", "64 MiB"],
    [8 * 2 ** 30, "B", "8 GiB"],
    [4096, "B/s", "4 KiB/s"],
    [1e6, "B", "1 MB"],
    [1000, "B", "1 KB"],
  ])("formats %d %s as %s", (value, unit, want) => {
    expect(formatQuantity(value, unit)).toBe(want);
  });

  it("writes bytes past a thousand exabytes in scientific notation, never as a word multiplier", () => {
    expect(formatQuantity(1e21, "B")).toBe("1e21 B");
    expect(formatQuantity(2.5e24, "B")).toBe("2.5e24 B");
  });

  it("never prints a unit word multiplier on bytes", () => {
    fc.assert(
      // up to a thousand exabytes; past that the value is written in scientific notation (next test)
      fc.property(fc.double({ min: 1, max: 9.99e20, noNaN: true }), (x) => {
        const s = formatQuantity(x, "B");
        expect(s).not.toMatch(/trillion|billion|million/);
        expect(s).toMatch(/^\d[\d.,]* (?:B|KB|MB|GB|TB|PB|EB|KiB|MiB|GiB|TiB)$/);
      }),
    );
  });

  it("evaluates formulas in scientific notation", () => {
    expect(evaluateFormula(parseFormula("3.2e6 / 86400"), {})).toBeCloseTo(37.037, 3);
    expect(evaluateFormula(parseFormula("max(replicas, bytes / node)"), { replicas: 3, bytes: 10, node: 5 })).toBe(3);
    expect(evaluateFormula(parseFormula("min(2, 3) * 4"), {})).toBe(8);
    expect([...formulaVariables(parseFormula("max(a, b / c)"))]).toEqual(["a", "b", "c"]);
  });
});

describe("pinning with readable amounts", () => {
  it("accepts 200k, 1.5M, 2e5 and 10 GB, and rejects the rest", async () => {
    const { parseAmount, parseOverrides } = await import("../src/engine/design/overrides.js");
    expect(parseAmount("200k")).toBe(2e5);
    expect(parseAmount("1.5M")).toBe(1.5e6);
    expect(parseAmount("2e5")).toBe(2e5);
    expect(parseAmount("200,000")).toBe(2e5);
    expect(parseAmount("10 GB")).toBe(1e10);
    expect(parseAmount("ten")).toBeNaN();
    expect(parseAmount("5 parsecs")).toBeNaN();
    expect(parseOverrides(["scale.leases=abc"]).ok).toBe(false);
    const pinned = design("Design a distributed lock service", ["scale.clients=2M"]);
    expect(pinned.capacity.find((r) => r.id === "keepalives_per_sec")?.value).toBe(600000);
  });
});

describe("models a product feature declares", () => {
  it("may declare their own quantities with a unit, and every figure still evaluates", async () => {
    const { capacityQuantityIds } = await import("../src/engine/capacity.js");
    const model = {
      inputs: [
        { quantity: "users", typical: 1e8, why: "a large consumer product has about a hundred million users" },
        {
          quantity: "posts_per_user_per_day",
          typical: 2,
          why: "an active user posts a couple of times a day",
          unit: "posts/day",
        },
        { quantity: "post_bytes", typical: 1000, why: "a text post with metadata is about a kilobyte", unit: "B" },
      ],
      figures: [
        {
          id: "posts_per_sec",
          label: "posts per second",
          kind: "rate" as const,
          expression: "users * posts_per_user_per_day / 86400",
          unit: "posts/s",
        },
        {
          id: "post_growth",
          label: "post bytes per day",
          kind: "growth" as const,
          expression: "posts_per_sec * post_bytes * 86400",
          unit: "B/day",
        },
      ],
    };
    const rows = evaluateCapacity(model, "feed", {
      post_bytes: { value: 2000, quote: "scale.post_bytes=2000", source: "override" },
    });
    expect(rows.map((r) => r.display)).toEqual(["≈ 2.31k posts/s", "≈ 400 GB/day"]);
    expect(rows[1]?.inputs.find((i) => i.name === "post_bytes")).toMatchObject({ source: "override", unit: "B" });
    expect(capacityQuantityIds([model]).has("posts_per_user_per_day")).toBe(true);
  });
});

describe("one value per named input in a design", () => {
  it("gives an input two models type differently one value, naming the model it came from", () => {
    // a reverse proxy's model types 50 proxies, the configuration model beside it 10k config clients: the proxies
    // are the fleet that applies the configuration, so the design has one fleet, named by its role in each model (the
    // prompt asks for the configuration plane; "reverse proxy" alone no longer reads as a staged rollout)
    const d = design(
      "Design a reverse proxy fleet whose routes and weights are pushed to every proxy from a control plane, with health checks and retries.",
    );
    const proxies = d.capacity.flatMap((r) => r.inputs.filter((i) => i.name === "proxies").map((i) => ({ r, i })));
    expect(new Set(proxies.map((n) => n.r.archetype)).size).toBeGreaterThan(1);
    expect(new Set(proxies.map((n) => n.i.value))).toEqual(new Set([50]));
    const borrowed = proxies.find((n) => n.r.archetype !== "I17");
    expect(borrowed?.i.because).toMatch(/taken from I17's estimates/);
    const clients = d.capacity.flatMap((r) => r.inputs.filter((i) => i.name === "config_clients"));
    expect(new Set(clients.map((i) => i.value))).toEqual(new Set([50]));
    // no model's typical machine count is shared under the role-less name
    expect(d.capacity.some((r) => r.inputs.some((i) => i.name === "nodes"))).toBe(false);
  });

  it("keeps the dominant archetype's value over a supporting model's typical one", () => {
    // a cron scheduler beside a cluster scheduler types a peak of ten (jobs fire on the hour); the
    // cluster scheduler leads the design and plans for the usual peak
    const d = design("Design a Kubernetes-like pod scheduler.");
    expect(d.archetypes[0]?.id).toBe("I15");
    const peaks = d.capacity.flatMap((r) => r.inputs.filter((i) => i.name === "peak_factor").map((i) => i.value));
    expect(new Set(d.capacity.map((r) => r.archetype)).size).toBeGreaterThan(1);
    expect(new Set(peaks)).toEqual(new Set([3]));
  });

  it("prefers a value derived from a stated number to another model's typical value", () => {
    const first: CapacityModel = {
      inputs: [{ quantity: "clients", typical: 5, why: "a guess" }],
      figures: [{ id: "a", label: "a", kind: "rate", expression: "clients * 2", unit: "x" }],
    };
    const second: CapacityModel = {
      inputs: [
        { quantity: "clients", typical: 7, why: "a guess", from: { expression: "users * 3", why: "three each" } },
      ],
      figures: [{ id: "b", label: "b", kind: "rate", expression: "clients", unit: "x" }],
    };
    const scale = { users: { value: 10, quote: "10 users", source: "stated" as const } };
    const [a, b] = designCapacityRows(
      [
        { model: first, owner: "A" },
        { model: second, owner: "B" },
      ],
      scale,
    );
    expect(b?.[0]?.value).toBe(30);
    expect(a?.[0]?.value).toBe(60);
    expect(a?.[0]?.inputs.find((i) => i.name === "clients")?.because).toMatch(/derived as users \* 3.*taken from B's/);
  });
});

describe("one quantity, one value across models", () => {
  it("leaves out a figure of a quantity the design takes, better grounded, from another model", () => {
    // a neighbour's figure of the request rate from its own typical bookings, beside a rate derived from stated users
    const neighbour: CapacityModel = {
      inputs: [{ quantity: "bookings_per_sec", typical: 20, why: "a guess" }],
      figures: [
        { id: "requests_per_sec", label: "r", kind: "rate", expression: "bookings_per_sec * 3", unit: "req/s" },
        { id: "booked", label: "b", kind: "rate", expression: "bookings_per_sec", unit: "x" },
      ],
    };
    const lead: CapacityModel = {
      inputs: [
        {
          quantity: "requests_per_sec",
          typical: 7,
          why: "a guess",
          from: { expression: "users * 2", why: "two each" },
        },
      ],
      figures: [{ id: "served", label: "s", kind: "rate", expression: "requests_per_sec", unit: "req/s" }],
    };
    const scale = { users: { value: 1000, quote: "1,000 users", source: "stated" as const } };
    const [n, l] = designCapacityRows(
      [
        { model: neighbour, owner: "N" },
        { model: lead, owner: "L" },
      ],
      scale,
    );
    expect(l?.find((r) => r.id === "served")?.value).toBe(2000);
    expect(n?.map((r) => r.id)).toEqual(["booked"]);
  });
});

describe("stated figures reach the formulas", () => {
  it("sizes a leaderboard by the players the prompt states", () => {
    const board = (n: string) =>
      figure(`Design a leaderboard for a mobile game with ${n} million players`, "board_bytes");
    expect(board("50")?.display).toBe("≈ 5 GB");
    expect(board("10")?.display).toBe("≈ 1 GB");
    expect(board("10")?.inputs.find((i) => i.name === "players")?.value).toBe(1e7);
  });

  it("sizes the score store under a leaderboard by the stated players, not a typical billion keys", () => {
    for (const n of [10, 50]) {
      const d = design(`Design a leaderboard for a mobile game with ${n} million players`);
      const store = d.capacity.find((r) => r.id === "score_store_bytes");
      expect(store?.inputs).toContainEqual(expect.objectContaining({ name: "players", value: n * 1e6 }));
      expect(d.capacity.flatMap((r) => r.inputs).some((i) => i.name === "objects" && i.value === 1e9)).toBe(false);
    }
  });

  it("sizes a registry's heartbeats by the stated services and their instances", () => {
    const hb = figure(
      "Design a service discovery and configuration system like Consul for 5,000 services",
      "heartbeats_per_sec",
    );
    expect(hb?.inputs.find((i) => i.name === "services")?.source).toBe("stated");
    expect(hb?.display).toBe("≈ 20k writes/s");
  });

  it("holds failed calls for the stated retry window, and their idempotency records as long", () => {
    const p = "Design a webhook delivery service that retries failed deliveries for up to 72 hours";
    expect(figure(p, "retry_backlog")?.inputs.find((i) => i.name === "retry_window_seconds")?.source).toBe("stated");
    expect(figure(p, "idempotency_bytes")?.inputs.find((i) => i.name === "retention_days")?.value).toBe(3);
  });

  it("reads a stated copy count as the redundancy overhead", () => {
    const raw = figure("Design a storage system that keeps three copies of every chunk.", "raw_bytes");
    expect(raw?.inputs.find((i) => i.name === "replicas")?.source).toBe("stated");
  });
});

describe("what the prompt's nouns imply", () => {
  it("serves a counted redirect as a small answer, not a web asset, with the noun as the reason", () => {
    const d = design("Design a URL shortener handling 100k redirects per second");
    const sizes = d.capacity.flatMap((r) => r.inputs.filter((i) => i.name === "value_bytes"));
    expect(sizes.length).toBeGreaterThan(0);
    for (const i of sizes) {
      expect(i.value).toBe(500);
      expect(i.because).toMatch(/the prompt counts '100k redirects per second'/);
    }
    // the stated rate is the load to serve: no peak factor multiplies it (100k redirects of 500 bytes)
    expect(d.capacity.find((r) => r.id === "egress_bandwidth")?.display).toBe("≈ 50 MB/s");
  });

  it("takes a stated per-second rate as the peak, and an average as something to multiply", () => {
    const peakOf = (prompt: string) =>
      design(prompt).capacity.flatMap((r) => r.inputs.filter((i) => i.name === "peak_factor"))[0];
    const stated = peakOf(
      "Design a distributed cache in front of a user-profile database serving 1 million reads per second",
    );
    expect(stated?.value).toBe(1);
    expect(stated?.because).toMatch(/'1 million reads per second' as the rate to serve, which is taken as the peak/);
    const cache = design(
      "Design a distributed cache in front of a user-profile database serving 1 million reads per second",
    );
    expect(cache.capacity.find((r) => r.id === "peak_requests_per_sec")?.value).toBeCloseTo(1.1e6, -3);
    expect(peakOf("Design a cache serving 1 million reads per second on average")?.value).toBe(3);
  });
});
