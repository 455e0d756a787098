import { describe, expect, it } from "vitest";
import { hitKind } from "../src/engine/recognize/evidence-kinds.js";
import { classify } from "../src/engine/recognize/index.js";
import type { Hit, Signal } from "../src/engine/recognize/match.js";
import { headSystemSupport, ruledOutByHead } from "../src/engine/recognize/stray-support.js";
import { tokenize, writtenWords } from "../src/engine/recognize/tokens.js";
import { SYSTEM_KINDS } from "../src/knowledge/signals/kinds.js";

const ids = (prompt: string) => classify(prompt).archetypes.map((a) => a.id);
const lead = (prompt: string) => classify(prompt).archetypes[0]?.id;
const notDrawn = (prompt: string) => classify(prompt).archetypes[0]?.notDrawn ?? [];

/** A requirement hit of `text` over the given token indexes of `prompt`. */
function ruleHit(prompt: string, text: string, covers: number[]): { hit: Hit; prompt: string } {
  const tokens = tokenize(prompt);
  const signal = {
    text,
    stems: tokenize(text).map((t) => t.stem),
    raws: tokenize(text).map((t) => t.raw),
    weight: 0.8,
    kind: "phrase",
    owner: { kind: "none" },
    slack: 3,
    rule: { name: "exclusivity", why: "at most one holder" },
  } as unknown as Signal;
  return { hit: { signal, covers, quoted: covers.map((i) => tokens[i]?.raw).join(" "), fuzzy: false }, prompt };
}

describe("the system the head names leads over one read only from the body", () => {
  const fileSync =
    "Design a file sync service for a law firm: documents up to 2 GB, and when two lawyers edit the same brief offline, both copies must survive.";
  it("a file sync service leads, and the shared-subject reading of 'edit the same' is ruled out by the kind", () => {
    expect(lead(fileSync)).toBe("I19");
    expect(ids(fileSync)).not.toContain("I13");
    const nd = notDrawn(fileSync).find((n) => n.id === "I13");
    expect(nd?.rule).toBe("head-system");
    expect(nd?.because).toContain("'file sync service'");
    expect(nd?.because).toContain("conflicted copy");
  });

  it("push notifications named in the head lead over an append log read from 'order … arrive'", () => {
    const prompt =
      "Design the push notifications for a food delivery app: courier status changes must arrive within 3 seconds and a phone must never show the same alert twice.";
    expect(lead(prompt)).toBe("I12");
    // 'never show the same alert twice' is one item delivered once, not one state everyone shares
    expect(ids(prompt)).not.toContain("I13");
    expect(notDrawn(prompt).find((n) => n.id === "I13")?.kinds).toContain("other-property");
  });

  it("a store the head names leads over the substrate named after 'on' (headSystemLeads)", () => {
    const prompt = "Design something like Apache HBase's region server storage on HDFS.";
    expect(lead(prompt)).toBe("I16");
    expect(ids(prompt)).toContain("I19");
  });

  it("moving the leader below the head's archetype never hands the lead to a third one", () => {
    const prompt =
      "Design a group chat backend for 20 million daily users: groups have up to 500 members, messages in a group are delivered in the order they were sent, users who were offline get the messages they missed when they reconnect, and history is kept for one year.";
    expect(lead(prompt)).toBe("I05");
  });

  it("a phrase that names a product's feature before the product noun is no component asked for ('group chat app')", () => {
    const prompt =
      "Design a group chat app; messages in each group must arrive in the order they were sent and be replayed to phones that were offline.";
    expect(lead(prompt)).toBe("I05");
  });

  it("after an explicit turn, the part turned to leads ('Design Dropbox, focusing on …')", () => {
    expect(lead("Design Dropbox, focusing on how file metadata stays available during a regional outage.")).toBe("I16");
  });
});

describe("a requirement pair that fell into one clause draws no support when the head names the lead", () => {
  it("'still accepts writes' is no holder still writing under a lease in a key-value store for game saves", () => {
    const prompt =
      "Design the storage for game saves as a key-value store: 5 million players, a save still accepts writes while its region is cut off, and saves made from two consoles at once must both survive.";
    expect(lead(prompt)).toBe("I16");
    expect(ids(prompt)).not.toContain("I02");
    const nd = notDrawn(prompt).find((n) => n.id === "I02");
    expect(nd).toMatchObject({ rule: "head-system", kinds: ["spread-phrase"] });
  });

  it("a phrase of three words found whole in its window stays its wording ('only one VM may write … at a time')", () => {
    expect(
      ids("Design a block storage service for virtual machines where only one VM may write to a volume at a time."),
    ).toContain("I02");
  });

  it("a crawler's politeness read within one clause stays drawn", () => {
    expect(
      ids(
        "Design a web crawler for a price comparison site: 200 million product pages a week, at most 2 requests per second per shop, and a page must not be fetched by two workers at once.",
      ),
    ).toContain("I08");
  });
});

describe("spread-phrase: a two-word requirement phrase read apart or out of its order", () => {
  const p = "a cart still accepts writes while its region is partitioned";
  const tokens = tokenize(p);
  const at = (raw: string) => tokens.findIndex((t) => t.raw === raw);
  const inHead = () => false;

  it("apart, with another kept word between, is a spread phrase; side by side it is the phrase", () => {
    const apart = ruleHit(p, "still writing", [at("still"), at("writes")]).hit;
    expect(hitKind(apart, tokens, inHead, writtenWords(p))).toBe("spread-phrase");
    const q = "the old holder is still writing";
    const qt = tokenize(q);
    const side = ruleHit(q, "still writing", [
      qt.findIndex((t) => t.raw === "still"),
      qt.findIndex((t) => t.raw === "writing"),
    ]).hit;
    expect(hitKind(side, qt, inHead, writtenWords(q))).toBe("rule-phrase");
  });

  it("out of its order ('the previous day's searches' for 'searches a day') is a spread phrase", () => {
    const q = "suggestions rebuilt from the previous day's searches";
    const qt = tokenize(q);
    const h = ruleHit(q, "searches day", [
      qt.findIndex((t) => t.raw === "day"),
      qt.findIndex((t) => t.raw === "searches"),
    ]).hit;
    expect(hitKind(h, qt, inHead, writtenWords(q))).toBe("spread-phrase");
  });

  it("headSystemSupport sets aside only a reading of spread phrases and stray kinds, and only under a named head", () => {
    const h = ruleHit(p, "still writing", [at("still"), at("writes")]).hit;
    const a = { id: "I02", name: "Claim / Lease / Exclusive Ownership" };
    const head = { quoted: "key value store", id: "I16" };
    expect(headSystemSupport(a, [h], ["spread-phrase"], tokens, head, inHead, writtenWords(p))?.rule).toBe(
      "head-system",
    );
    expect(headSystemSupport(a, [h], ["spread-phrase"], tokens, undefined, inHead, writtenWords(p))).toBeUndefined();
    expect(headSystemSupport(a, [h], ["rule-phrase", "spread-phrase"], tokens, head, inHead, writtenWords(p))).toBe(
      undefined,
    );
    expect(headSystemSupport(a, [h], ["combo"], tokens, head, inHead, writtenWords(p))).toBeUndefined();
  });
});

describe("a kind's rulesOut", () => {
  it("every ruled-out archetype is another than the kind's own, with why", () => {
    for (const k of SYSTEM_KINDS)
      for (const r of k.rulesOut ?? []) {
        expect(r.id).not.toBe(k.id);
        expect(r.why.length).toBeGreaterThan(20);
      }
  });
  it("ruledOutByHead names only what the head's kind rules out", () => {
    const kind = SYSTEM_KINDS.find((k) => k.kind === "file sync service");
    const head = { quoted: "file sync service", kind: "file sync service", rulesOut: kind?.rulesOut };
    const a13 = { id: "I13", name: "Shared Subject Coordination" };
    const a02 = { id: "I02", name: "Claim / Lease / Exclusive Ownership" };
    expect(ruledOutByHead(a13, [], ["rule-phrase"], head)?.rule).toBe("head-system");
    expect(ruledOutByHead(a02, [], ["rule-phrase"], head)).toBeUndefined();
    expect(ruledOutByHead(a13, [], ["rule-phrase"], undefined)).toBeUndefined();
  });
});
