import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";

/**
 * A supporting archetype is drawn only where the prompt asks for the job it does: a frontier scan where the system
 * revisits a large set, an edge cache where content is served to many readers, a worker fleet where work runs on a
 * pool. A word of it used in another sense (a visitor refreshing one page, "edge" naming the fleet a change reaches,
 * two words that merely fall near each other) does not graft its card onto the design. Each row names the supports
 * that must not be drawn and, for the counter-examples, the ones that must.
 */
interface Row {
  prompt: string;
  not?: readonly string[];
  must?: readonly string[];
}

const ROWS: readonly Row[] = [
  // a visitor's act on one page is no pass over a large set
  {
    prompt:
      "Design a virtual queue for a stadium's season-ticket sale: 300,000 fans join within minutes, each sees their place, and refreshing the page must not cost anyone their place.",
    not: ["I04", "I05"],
    must: ["I08"],
  },
  {
    prompt:
      "Build a token bucket limiter in front of our search API; a client that refreshes the dashboard too fast gets a 429 but never loses its quota window.",
    not: ["I04"],
  },
  {
    prompt:
      "Design the live scoreboard for a cricket app; fans who refresh the screen must see the latest score within two seconds.",
    not: ["I04"],
  },
  {
    prompt:
      "Build a rate limiter for our public API that allows each key 1,000 calls a minute across 40 gateway nodes, refreshing limits when a customer upgrades their plan.",
    not: ["I04"],
  },
  // "a stale one" is an out-of-date copy of the lead's own thing, no set of items revisited
  {
    prompt:
      "Design the control plane that ships routing tables to 8,000 gateways; a gateway that rejoins after an outage must load the newest approved version rather than a stale one.",
    not: ["I04"],
    must: ["I11"],
  },
  {
    prompt:
      "A config agent on each of 15,000 hosts must pick up the newest signed policy after a restart, never a stale one.",
    not: ["I04"],
  },
  {
    prompt:
      "Roll feature flags out to 3,000 app servers in stages; a server that was down must come up on the current approved set, never an older one.",
    not: ["I04", "I07"],
  },
  // "edge" names the fleet the change reaches, not content served from edge caches
  {
    prompt:
      "We operate 12,000 edge routers in 60 cities. Design how firewall rules reach them, staged to a canary group first and rolled back automatically on errors.",
    not: ["I07", "I04"],
    must: ["I11"],
  },
  {
    prompt:
      "Design how TLS certificates reach 25,000 edge servers in 200 sites within a minute, with a quick rollback if handshakes start failing.",
    not: ["I07"],
    must: ["I11"],
  },
  {
    prompt:
      "Distribute DNS zone updates to 900 edge name servers in 40 countries so that every change is live within 5 seconds.",
    not: ["I07"],
  },
  {
    prompt: "Change the request timeout on all edge servers at once and put the old value back if errors rise.",
    not: ["I07", "I19"],
  },
  {
    prompt:
      "We manage 30,000 edge proxies in 70 regions; design how new TLS settings reach all of them in stages with an automatic rollback.",
    not: ["I07", "I04"],
  },
  {
    prompt:
      "Design the config service for 20,000 microservice instances: a change must be live in 10 seconds, rolled out to 1% first and undone automatically on errors.",
    not: ["I07", "I04"],
  },
  // two words that merely fall near each other say neither a requirement nor a part
  {
    prompt:
      "Design a service that ensures only one worker charges a given invoice at a time, with the lock released if the worker dies.",
    not: ["I03"],
    must: ["I02"],
  },
  {
    prompt:
      "Our 5,000 tournaments run live at the same time, each with up to 64 players, and every score update must reach all players in the same order.",
    not: ["I03", "I02"],
  },
  {
    prompt:
      "Design the lease service that makes sure a given shard has one owner at a time, with the owner fenced when its lease lapses.",
    not: ["I03"],
  },
  {
    prompt:
      "Design a metrics pipeline whose samples are first appended to a durable log that the storage writers consume.",
    not: ["I19"],
    must: ["I05"],
  },
  {
    prompt:
      "Tweak the fraud model thresholds live across all payment servers and be able to restore the old thresholds instantly.",
    not: ["I19", "I10"],
  },
  // the services named in a list are the clients, not a payment workflow to run
  {
    prompt:
      "Design a pub/sub system that fans out 300,000 messages a second to 10,000 subscriptions, including billing and search indexing services.",
    not: ["I12"],
  },
  {
    prompt: "Design a unique ID service handing out 1 million ids a second to order, payment and shipment services.",
    not: ["I12"],
  },
  // counter-examples: the job asked for in its own words is drawn
  {
    prompt:
      "Design a web crawler that refreshes 5 billion pages every week and revisits the pages that change often first.",
    must: ["I04"],
  },
  {
    prompt:
      "Build the intranet search engine that re-crawls every page of our 40,000 internal sites nightly and keeps the index current.",
    must: ["I04"],
  },
  {
    prompt:
      "Design a news aggregator that refreshes 2 million RSS feeds every ten minutes and re-fetches the ones that changed most often first.",
    must: ["I04"],
  },
  {
    prompt:
      "Design a price monitor that revisits 50 million product pages on competitor sites daily and alerts when a price drops.",
    must: ["I04"],
  },
  {
    prompt:
      "Design a link checker that walks all 80 million product pages of our catalogue every week and flags broken images.",
    must: ["I04"],
  },
  {
    prompt:
      "Design a video platform that serves clips to 10 million viewers from edge caches in 200 locations, with purge within a minute when a clip is taken down.",
    must: ["I07"],
  },
  {
    prompt:
      "Design the entry layer for a global shop: route each shopper to the nearest healthy region and cache product images at the edge.",
    must: ["I07"],
  },
  {
    prompt:
      "Design a CDN for a streaming service that caches popular episodes in 300 edge locations and serves 40 million viewers at peak.",
    must: ["I07"],
  },
  {
    prompt:
      "Design an image delivery network that serves product photos from edge caches near shoppers, with origin fetches on a miss.",
    must: ["I07"],
  },
  {
    prompt:
      "Design a system that rescans 30 billion stored objects for malware every month, spread across a pool of workers, resuming where a crashed worker stopped.",
    not: ["I19"],
    must: ["I04", "I15"],
  },
  {
    prompt:
      "Design a delayed job runner where 50 million jobs a day each run at their own future time on a fleet of 2,000 workers.",
    must: ["I03", "I15"],
  },
  {
    prompt:
      "Design a build farm that runs 40,000 test jobs a day on a fleet of 3,000 worker machines, retrying a job when its machine dies.",
    must: ["I15"],
  },
  {
    prompt:
      "Design a session store for a banking app that keeps 20 million login sessions, each expiring after 15 minutes of inactivity, readable from every region.",
    must: ["I16", "I03"],
  },
];

const ids = (prompt: string) => classify(prompt).archetypes.map((a) => a.id as string);
const notDrawn = (prompt: string) => classify(prompt).archetypes[0]?.notDrawn ?? [];

describe("a support is drawn only for the job it does", () => {
  it("holds at least 30 labelled prompts, with grafts and counter-examples", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
    expect(ROWS.filter((r) => r.not?.length).length).toBeGreaterThanOrEqual(15);
    expect(ROWS.filter((r) => r.must?.length && !r.not?.length).length).toBeGreaterThanOrEqual(10);
  });

  it.each(ROWS.map((r) => [r.prompt, r] as const))("%s", (_, row) => {
    const got = ids(row.prompt);
    for (const id of row.not ?? []) expect(got, `${id} must not be drawn`).not.toContain(id);
    for (const id of row.must ?? []) expect(got, `${id} must be drawn`).toContain(id);
  });
});

describe("the lead's row says why a graft is not drawn", () => {
  it("a part's name read across another phrase is read apart ('edge … locations')", () => {
    const p =
      "We run 25,000 edge proxies in 80 locations; design how their routing rules are rolled out in stages and rolled back when errors climb.";
    const nd = notDrawn(p).find((n) => n.id === "I07");
    expect(nd?.rule).toBe("read-apart");
    expect(nd?.words).toEqual(["edge locations"]);
    expect(nd?.because).toContain("read apart");
  });

  it("a requirement's words read apart are set aside with their words ('given … time')", () => {
    const p =
      "Design a service that guarantees only one clerk approves a given refund at a time, with the claim released if the clerk's session dies.";
    expect(ids(p)).not.toContain("I03");
    const nd = notDrawn(p).find((n) => n.id === "I03");
    expect(nd?.rule).toBe("read-apart");
    expect(nd?.kinds).toContain("spread-phrase");
  });

  it("a part named for the lead's own machines is the lead's ('edge servers' a rollout reaches)", () => {
    const p =
      "Design how TLS certificates reach 25,000 edge servers in 200 sites within a minute, with a quick rollback if handshakes start failing.";
    const nd = notDrawn(p).find((n) => n.id === "I07");
    expect(nd?.rule).toBe("lead-words");
    expect(nd?.because).toContain("'servers'");
  });

  it("the same words said as one noun phrase or another order still read the part", () => {
    // "a fleet of 2,000 workers" and "a pool of workers" are the part's name with a count or in another order
    expect(notDrawn("Run 10 million image resizes a day on a fleet of 2,000 workers.").map((n) => n.id)).not.toContain(
      "I15",
    );
    expect(
      ids(
        "Design a video transcoding service that runs 200,000 jobs a day across a pool of workers that grows at peak.",
      ),
    ).toContain("I15");
  });
});
