import { describe, expect, it } from "vitest";
import { productRecordOf } from "../src/engine/product/record.js";
import { checkCoherence, type Design, design, writeScript } from "../src/lib/index.js";

/**
 * A product no feature card models gets its main record from its own words; the rest of the design then
 * leads with that record: its create and read, its state, its create guarantee and the script's words.
 */
// (a URL shortener was the first row until the short-links feature card modelled it: test/shortlinks-feature.test.ts)
const BARE: [prompt: string, entity: string, create: string, read: string][] = [
  ["Design a pastebin handling 100k reads per second", "Paste", "create a paste", "get a paste by its paste id"],
  ["Design a pastebin", "Paste", "create a paste", "get a paste by its paste id"],
  ["Design a job board", "Job", "create a job", "get a job by its job id"],
  // a photo store is the media-store subject of I19 (its own design); a recipe store is a bare product
  ["Design a recipe sharing service for user uploads.", "Recipe", "upload a recipe", "get a recipe by its recipe id"],
];

describe("a bare product's main record leads its design", () => {
  for (const [prompt, entity, create, read] of BARE) {
    describe(prompt, () => {
      const d = design(prompt);
      it("its create and read are the first requirements and operations, the create critical", () => {
        expect(d.features).toEqual([]);
        expect(d.requirements.slice(0, 2).map((r) => r.text)).toEqual([create, read]);
        const [c, r] = d.operations;
        expect([c?.phrase, c?.entity, c?.operation, c?.critical]).toEqual([create, entity, "create target", true]);
        expect(c?.mechanism).toBe("idempotency-key");
        expect([r?.phrase, r?.entity, r?.critical]).toEqual([read, entity, false]);
        expect(r?.operation).toMatch(/^read /);
        expect(d.criticalPaths[0]?.operations[0]).toBe(create);
        // the archetypes' own rows follow as the substrate that carries it
        expect(d.requirements.length).toBeGreaterThan(2);
      });
      it("the record is the first primary state, durable, held by the store drawn for it, with its reason", () => {
        const s = d.primaryState[0];
        expect(s?.entity).toBe(entity);
        expect(s?.durability.value).toBe("durable");
        expect(s?.durability.because).toMatch(/product's own record/);
        expect(s?.because).toMatch(/no product feature models/);
        const store = d.dataModel.find((m) => m.entity === entity)?.owner;
        expect(d.components.find((x) => x.id === store)?.name).toBe(s?.authority);
        // the data model leads with it too
        expect(d.dataModel[0]?.entity).toBe(entity);
      });
      it("its create guarantee is the first invariant, on the create path, and a mechanism protects it", () => {
        const inv = d.invariants[0];
        expect(inv?.path).toBe(create);
        expect(inv?.statement).toMatch(/never reused for another/);
        expect(inv?.statement).toMatch(/same idempotency key returns the first/);
        expect(d.mechanisms.find((m) => m.id === "idempotency-key")?.protects).toBe(inv?.statement);
        expect(checkCoherence(d)).toEqual([]);
      });
      it("the script names the record's write first and its state as the authority", () => {
        const steps = writeScript(d, { minutes: 45 }).steps;
        const verb = create.split(" ")[0] as string;
        const gerund = `${verb.replace(/e$/, "")}ing`;
        expect(steps[0]?.text).toMatch(new RegExp(`writes? matters?(?: most)?: ${gerund} `));
        expect(steps[2]?.text).toMatch(/The authoritative state is the /);
        const words = entity.replace(/(?<=[a-z])(?=[A-Z])/g, " ").toLowerCase();
        expect(steps[2]?.text.toLowerCase()).toContain(`authoritative state is the ${words}`);
      });
    });
  }

  it("the pastebin says a paste id is never reused and the paste store holds it", () => {
    const d = design(BARE[0]?.[0] as string);
    expect(d.primaryState[0]?.authority).toBe("Paste store");
    expect(d.invariants[0]?.statement).toMatch(/^A paste id, once handed out, always names the same paste/);
  });

  it("a stated durability is kept over the record's default", () => {
    const s = design("Design a pastebin; durability is best-effort").primaryState[0];
    expect([s?.entity, s?.durability.value]).toEqual(["Paste", "best-effort"]);
  });

  it("an agent noun's verb keeps its stem (a bookmark manager manages bookmarks); the record's noun is no verb", () => {
    expect(productRecordOf("Design a bookmark manager")?.create.verb).toBe("manage");
    expect(productRecordOf("Design a pastebin where losing recent pastes is acceptable")?.create.phrase).toBe(
      "create a paste",
    );
  });

  it("a question form ('How would you design a …') reads the head after its design verb; function words make no record", () => {
    expect(productRecordOf("How would you design a URL shortener?")?.entity).toBe("ShortUrl");
    expect(productRecordOf("How should we build a bookmark manager for teams?")?.entity).toBe("Bookmark");
    // before, the question's own words were the head and its article became a record named "A"
    for (const p of [
      "How would you design a dating app with profiles, swiping and matches?",
      "Each player's inventory is 5 KB",
    ])
      expect(productRecordOf(p)?.entity ?? "").not.toMatch(/^(?:A|An|The|Each|How)$/);
  });

  it("designs with feature cards and infra designs get no record rows", () => {
    for (const p of ["Design a ride-hailing app like Uber", "Design a distributed task queue with retries"]) {
      const d = design(p);
      expect(d.components.map((c) => c.id)).not.toContain("product-store");
      expect(d.invariants.some((i) => /once handed out, always names the same/.test(i.statement))).toBe(false);
    }
  });
});

describe("coherence: a drawn product record is the design's first state, written by a critical operation", () => {
  const d = design(BARE[0]?.[0] as string);
  const rules = (x: Design) => checkCoherence(x).map((p) => p.rule);
  it("holds on the derived design", () => {
    expect(rules(d)).not.toContain("product-record-not-state");
  });
  it("fails when the record is not the first primary state", () => {
    const x = structuredClone(d) as Design;
    x.primaryState = x.primaryState.slice(1);
    expect(rules(x)).toContain("product-record-not-state");
  });
  it("fails when no critical operation writes the record", () => {
    const x = structuredClone(d) as Design;
    x.operations = x.operations.map((o) => (o.entity === "Paste" ? { ...o, critical: false } : o));
    expect(rules(x)).toContain("product-record-not-state");
  });
});

describe("a bare product's record carries the spine of its design", () => {
  const d = design("Design a pastebin handling 100k reads per second");

  it("hosts the store and cache it rests on inside its own service, store and cache", () => {
    const names = d.components.map((c) => c.name);
    expect(names).toEqual([
      "Clients (apps and browsers)",
      "Paste service (stateless API)",
      "Paste cache (sharded by paste_id)",
      "Paste store",
    ]);
    expect(d.api.map((a) => a.operation)).toEqual(["create", "get"]);
    expect(JSON.stringify(d.links)).not.toMatch(/next id|get \/ put/);
  });

  it("draws the create and the get through its own components first", () => {
    const titles = d.diagrams.filter((x) => x.kind === "sequence").map((x) => x.title);
    expect(titles.slice(0, 2)).toEqual(["product: Create a paste", "product: Get by paste_id"]);
    const get = d.diagrams.find((x) => x.title === "product: Get by paste_id")?.mermaid ?? "";
    expect(get).toMatch(/Paste cache/);
    expect(get).toMatch(/Paste store/);
  });

  it("draws no bare record for a product named by a subject a substrate keeps a variant for", () => {
    // an online auction is the shared subject's auction variant: its Auction is held by the auction's owner, and
    // the close is that owner's own timer, so neither a bare record nor a scheduler's due poller is drawn
    const auction = design("Design an online auction system.");
    expect(auction.components.some((c) => /Due poller/.test(c.name))).toBe(false);
    expect(auction.diagrams.some((x) => x.title === "product: Create an auction")).toBe(false);
    expect(auction.dataModel.find((m) => m.entity === "Auction")?.fields).toContain("end_time");
  });
});

describe("a leaderboard's design is about ranks and best scores", () => {
  const d = design("Design a leaderboard for a mobile game with 50 million players");

  it("leads with the player's best score, never a key-value store's siblings", () => {
    // the leaderboard subject (I06): the durable score is the record, and a repeat never lowers it
    expect(d.primaryState[0]?.entity).toBe("PlayerScore");
    expect(d.invariants.map((i) => i.statement).join("\n")).toMatch(/never lowers a score/);
    expect(d.invariants.map((i) => i.statement).join("\n")).not.toMatch(/siblings/);
  });

  it("answers a player's rank and the players around them", () => {
    const around = d.api.find((a) => a.operation === "get rank");
    expect(around?.response.join(" ")).toMatch(/neighbours/);
  });
});
