import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { heldProblems, saidAloud } from "../src/render/script/check.js";
import { unheldKinds } from "../src/render/script/held.js";
import { writeScript } from "../src/render/script/index.js";
import { SCRIPT_CORPUS } from "./fixtures/script-corpus.js";

const said = (d: ReturnType<typeof design>, short = false) =>
  saidAloud(writeScript(d, short ? { short } : { minutes: 45 }))
    .map((x) => x.text)
    .join(" ");

const election = design("Design a leader election service for 2,000 microservices that fails over within 5 seconds");
const objects = design("Design an object storage service like S3 that stores 100 PB with eleven nines of durability");
const suggest = design("Design a search autocomplete service answering 100,000 queries per second within 50 ms");
const tickets = design(
  "Design a concert ticketing system where 1 million fans race for 50,000 seats and no seat is sold twice",
);
const ids = design(
  "Design a unique ID generator that produces 1 million sortable IDs per second without a central coordinator",
);

describe("the script says what the design holds", () => {
  it("says no record kind the design does not keep and counts the API as the design lists it, on every corpus prompt", () => {
    for (const p of SCRIPT_CORPUS) {
      const d = design(p);
      for (const short of [false, true])
        expect(heldProblems(d, writeScript(d, short ? { short } : { minutes: 45 })), p).toEqual([]);
    }
  });

  it("finds a record kind only where no record, field or component of the design is named by it", () => {
    // the ticketing design keeps holds on its inventory rows: no lease table, no lease of its own
    expect(unheldKinds(tickets, "The lease table itself is replicated by quorum.")).toEqual(["lease"]);
    expect(unheldKinds(election, "The lease table itself is replicated by quorum.")).toEqual([]);
    // a record only read by a leftover path is not kept: the timestamp layout allocates no blocks
    expect(unheldKinds(ids, "Only block allocation touches shared durable state.")).toEqual(["block"]);
    // the design's own mechanism and sequence names may say the word
    expect(unheldKinds(tickets, "Let me draw the hold as a lease sequence.")).toEqual([]);
    expect(unheldKinds(tickets, "There is no writer lease.")).toEqual([]);
  });

  it("never says the lease residue of a design without a lease record", () => {
    expect(said(tickets)).not.toMatch(/lease table|its own lease/);
    expect(said(ids)).not.toMatch(/block allocation|range block/);
  });

  it("counts the API as the design lists it", () => {
    expect(election.api.length).toBe(7);
    expect(said(election)).toContain("The API has seven calls, led by campaign, observe, proclaim and resign");
  });
});

describe("the script answers the prompt's stated target with the design's own figures", () => {
  it("says a failover bound's budget split, the spare and the case past it", () => {
    const text = said(election);
    expect(text).toContain("The stated failover bound is 5 seconds");
    expect(text).toContain(
      "3 seconds of lease, plus half a second for the store's expiry check, plus half a second to tell a waiting candidate: about 4 seconds in all",
    );
    // the spare is said once, with its share of the bound and what it is for
    expect(text).toContain("That leaves 1 second, 20 percent of the bound, spare for a missed keep-alive or a pause");
    expect(text.match(/That leaves/g)?.length).toBe(1);
    expect(text).toMatch(/about 9 seconds, past the bound(?:, so|\. So) the bound holds for one failure at a time/);
    // the budget replaces the hottest number it contains
    expect(text).not.toContain("The hottest number is worst-case idle time");
    // said in the short version too
    expect(said(election, true)).toContain("about 4 seconds in all");
  });

  it("says durability nines against the loss they allow", () => {
    const text = said(objects);
    expect(text).toContain(
      "The prompt asks for eleven nines of durability, which allows at most ten to the minus 11 losses per object a year",
    );
    // (ten to the minus 26 since storage nodes are sized at an 80% fill: a shorter repair)
    expect(text).toMatch(/independent disk failures during repair, at about ten to the minus 26, far inside it/);
  });

  it("says a latency target's split and the slack left, and a sub-second target in milliseconds", () => {
    expect(said(suggest)).toContain("a latency target of 50 milliseconds");
    expect(said(suggest)).not.toContain("0.05 seconds");
    expect(said(suggest)).toContain(
      "Of the 50 milliseconds the prompt allows, I spend 30 milliseconds for the network round trip, 5 milliseconds in the edge cache and gateway and 2 milliseconds in the serving process, which leaves about 13 milliseconds spare",
    );
  });

  it("reads a latency stated as how fast a page loads, and says its split", () => {
    const feed = design("Design a photo feed for 10 million daily users, with the feed loading in under 200 ms");
    expect(feed.nfrs.latency.map((l) => l.ms)).toEqual([200]);
    // spent step by step along the feed page's path, with the headroom said
    expect(said(feed)).toMatch(
      /The time one feed page takes along its path is about \d+ milliseconds in all, in \d steps/,
    );
    expect(said(feed)).toMatch(/percent of the bound, spare/);
  });
});
