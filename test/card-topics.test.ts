import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { card } from "../src/knowledge/archetypes/I12/card.js";
import { knownIds } from "../src/knowledge/compile.js";
import type { ArchetypeInput } from "../src/knowledge/schema.js";
import { designTopicsSpoken, designTopicsUnspoken, TOPIC_VALUES, topicsSpoken } from "../src/knowledge/topics.js";
import { entryProblems } from "../src/knowledge/validate.js";

/** Everything a design says, as one text. */
const said = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.requirements, d.primaryState, d.failures, d.invariants, d.components, d.links, d.dataModel]);

describe("card text follows the design's own subject", () => {
  const webhook = design("Design a webhook delivery service that retries failed deliveries for up to 72 hours");
  const payment = design("Design a payment system that charges cards exactly once.");

  it("a workflow that moves no money keeps no ledger, no card capture and no payment words", () => {
    expect(webhook.archetypes[0]?.id).toBe("I12");
    const text = said(webhook);
    for (const word of ["LedgerEntry", "money movement", "authorisation", "processor, bank", "parcel", "merchant"])
      expect(text, word).not.toContain(word);
  });

  it("a workflow that moves money keeps its ledger, its invariant and the capture failure", () => {
    expect(payment.primaryState.map((r) => r.entity)).toContain("LedgerEntry");
    expect(payment.requirements.some((r) => r.path?.entity === "LedgerEntry")).toBe(true);
    expect(payment.failures.some((f) => /authorisation lapses/.test(f.failure))).toBe(true);
  });

  it("a card's failure about a subject needs an entity of that subject", () => {
    const e = structuredClone(card) as ArchetypeInput;
    expect(entryProblems(e, knownIds()).join("\n")).not.toMatch(/is about money/);
    e.entities = e.entities.map(({ topic: _topic, ...x }) => x);
    expect(entryProblems(e, knownIds()).join("\n")).toMatch(/is about money, but no entity of the card is/);
  });
});

describe("a workflow that delivers to customers' endpoints", () => {
  const webhook = design("Design a webhook delivery service that retries failed deliveries for up to 72 hours");
  const payment = design("Design a payment processing service that charges cards through Stripe.");
  const attempts = (d: ReturnType<typeof design>) => d.capacity.find((r) => r.id === "retry_attempts");

  it("isolates each endpoint in its own queue and signs every delivery with a timestamp", () => {
    const texts = webhook.requirements.map((r) => r.text).join("\n");
    expect(texts).toMatch(/endpoint's own queue/);
    expect(texts).toMatch(/HMAC-SHA256 over the timestamp and the exact body/);
    expect(webhook.requirements.map((r) => r.path?.entity)).toContain("EndpointSubscription");
    const failures = webhook.failures.map((f) => f.failure).join("\n");
    expect(failures).toMatch(/One slow or dead customer endpoint/);
    expect(failures).toMatch(/forged or replayed delivery/);
    expect(failures).toMatch(/stays down for the whole retry window/);
  });

  it("counts the attempts a retry schedule makes across the stated window", () => {
    // 30 s doubling ten times: eleven attempts in about 17 h, then one every 8.5 h until 72 h
    expect(attempts(webhook)?.value).toBe(18);
    const day = design("Design a webhook delivery service that retries failed deliveries for up to 24 hours");
    expect(attempts(day)?.value).toBe(12);
  });

  it("keeps a table of the endpoints customers register, and a payment keeps none", () => {
    expect(webhook.dataModel.map((r) => r.entity)).toContain("EndpointSubscription");
    expect(payment.dataModel.map((r) => r.entity)).not.toContain("EndpointSubscription");
  });

  it("a payment through a provider keeps no endpoint queues, signing or retry schedule of its own", () => {
    expect(said(payment)).not.toMatch(/EndpointSubscription|endpoint's own queue|forged or replayed/);
    expect(attempts(payment)).toBeUndefined();
  });
});

describe("a queue's shape follows the words the prompt states", () => {
  const queue = design("Design a distributed task queue with at-least-once processing and visibility timeouts");
  const log = design("Design a distributed message queue like Kafka.");

  it("visibility timeouts make a work queue: messages leased, acked and redelivered, no consumer offsets", () => {
    expect(queue.archetypes[0]?.id).toBe("I05");
    expect(queue.decisions.find((d) => d.id === "i05-consumption")?.chosen).toBe("push");
    const entities = queue.requirements.map((r) => r.path?.entity);
    expect(entities).toContain("MessageLease");
    expect(entities).not.toContain("ConsumerOffset");
    expect(queue.dataModel.map((r) => r.entity)).not.toContain("ConsumerOffset");
    expect(queue.api.map((a) => a.operation)).toEqual(expect.arrayContaining(["receive", "extend", "ack"]));
    expect(queue.api.map((a) => a.operation)).not.toContain("commit");
  });

  it("a replayable log keeps its offsets and never leases messages", () => {
    const entities = log.requirements.map((r) => r.path?.entity);
    expect(entities).toContain("ConsumerOffset");
    expect(entities).not.toContain("MessageLease");
    expect(log.dataModel.map((r) => r.entity)).not.toContain("MessageLease");
  });
});

describe("a cache's placement follows the words the prompt states", () => {
  const names = (d: ReturnType<typeof design>) => d.components.map((c) => c.name).join("\n");
  it("a cache in front of a database is a cluster the services read aside, with no points of presence", () => {
    const d = design(
      "Design a distributed cache in front of a user-profile database serving 1 million reads per second",
    );
    expect(d.decisions.find((x) => x.id === "i07-placement")?.chosen).toBe("cluster");
    expect(names(d)).not.toMatch(/point of presence|shield/i);
    expect(d.diagrams.map((x) => x.title)).toContain("I07: Look-aside read with a lease-guarded fill");
    // the reader goes past the cache to the records it fronts on a miss: the database's own record (one entity, no
    // OriginObject twin beside it)
    expect(d.dataModel.map((e) => e.entity)).not.toContain("OriginObject");
    const store = d.components.find((c) => c.holds.includes("KeyValue"))?.id;
    const reaches = (to: string) => to === store || d.links.some((m) => m.from === to && m.to === store);
    expect(d.links.some((l) => reaches(l.to) && /miss/.test(l.label))).toBe(true);
  });
  it("a CDN keeps its edge points of presence and origin shield", () => {
    const d = design("Design a CDN.");
    expect(d.decisions.find((x) => x.id === "i07-placement")?.chosen).toBe("edge");
    expect(names(d)).toMatch(/point of presence/);
    expect(names(d)).toMatch(/Origin shield/);
  });
});

describe("a product no feature card models still gets its own record and calls", () => {
  it("a pastebin keeps pastes, created by a POST and read by its id", () => {
    // (a URL shortener was this example until the short-links feature card modelled it)
    const d = design("Design a pastebin handling 100k reads per second");
    expect(d.features).toEqual([]);
    const row = d.dataModel.find((r) => r.entity === "Paste");
    expect(row?.key).toEqual(["paste_id"]);
    const calls = d.api.map((a) => `${a.operation} ${a.call}`);
    expect(calls.some((c) => /^create POST /.test(c))).toBe(true);
    expect(calls.some((c) => /^get GET /.test(c))).toBe(true);
    // the record's service reaches the substrates the product rests on
    expect(d.links.some((l) => l.from === "product-api" && l.to !== "product-store")).toBe(true);
  });
  it("a container's name gives its record (a pastebin keeps pastes); a modelled product gets none", () => {
    expect(design("Design a pastebin.").dataModel.map((r) => r.entity)).toContain("Paste");
    expect(design("Design Twitter.").components.map((c) => c.id)).not.toContain("product-api");
  });
});

describe("critical flows run along the drawn links", () => {
  const timeline = design("Design Twitter's home timeline");
  const uber = design("Design a ride-hailing app like Uber");
  it("fan-out workers read the follower index, and the dispatcher the geo index, in links and sequences", () => {
    expect(timeline.links.some((l) => l.from === "fanout-workers" && l.to === "follower-index")).toBe(true);
    expect(uber.links.some((l) => l.from === "dispatch-service" && l.to === "location-service")).toBe(true);
    const feed = timeline.diagrams.find((x) => x.title.startsWith("feed:"))?.mermaid ?? "";
    expect(feed).toMatch(/list the author's followers/);
    expect(timeline.coherence).toEqual([]);
  });
  it("a message between components no chain of links joins is a coherence problem", () => {
    const cut = {
      ...timeline,
      links: timeline.links.filter((l) => !(l.from === "fanout-workers" && l.to === "follower-index")),
    };
    expect(checkCoherence(cut).map((p) => p.rule)).toContain("message-without-link");
  });
  it("the leaderboard draws its own score flow, not a storage template", () => {
    const d = design("Design a leaderboard for a mobile game with 50 million players");
    expect(d.diagrams.map((x) => x.title)[1]).toMatch(/^I06: Submit a score and set it in the ranking/);
    expect(d.diagrams.map((x) => x.mermaid).join("\n")).not.toMatch(/append to the range's replicated log/);
  });
});

describe("a product name pulls in only the features the prompt's scope implies", () => {
  it("'Twitter's home timeline' is the feed and the graph it fans out over, and says what it left out", () => {
    const d = design("Design Twitter's home timeline");
    expect(d.features.map((f) => f.id)).toEqual(["feed", "graph"]);
    expect(d.features[0]?.evidence.join(" ")).toMatch(/Media upload and delivery.*are left out/);
    expect(d.components.length).toBeLessThanOrEqual(15);
    expect(d.coherence).toEqual([]);
  });
  it("'Design Twitter' keeps Twitter's core and defers what it is also known for", () => {
    expect(design("Design Twitter.").features.map((f) => f.id)).toEqual(["feed", "graph"]);
    expect(design("Design Twitter with image uploads.").features.map((f) => f.id)).toContain("media");
  });
});

describe("a registry's members follow the words the prompt states", () => {
  const consul = design("Design a service discovery and configuration system like Consul for 5,000 services");
  const presence = design("Design a presence service that shows which users are online.");

  it("a registry of services keeps no user's presence status, read or flapping row", () => {
    expect(consul.archetypes[0]?.id).toBe("I10");
    const text = said(consul);
    for (const word of ["presence status", "PresenceStatus", "Presence flaps", "a user's connection"])
      expect(text, word).not.toContain(word);
    expect(consul.requirements.some((r) => /register a member/.test(r.text))).toBe(true);
  });

  it("a presence service keeps the user's status, its lookup and the flapping row", () => {
    const entities = presence.requirements.map((r) => r.path?.entity);
    expect(entities).toContain("PresenceStatus");
    expect(presence.requirements.some((r) => /user's presence status and the gateway/.test(r.text))).toBe(true);
    expect(presence.failures.some((f) => /Presence flaps for users/.test(f.failure))).toBe(true);
  });
});

describe("a workflow that pushes notifications to phones", () => {
  const push = design("Design a notification service that sends 10 million push notifications per hour");
  const everything = (d: ReturnType<typeof design>) =>
    JSON.stringify([
      d.requirements,
      d.primaryState,
      d.failures,
      d.invariants,
      d.components,
      d.links,
      d.api,
      d.dataModel,
      d.diagrams,
    ]);

  it("draws a device-token registry, a sender per platform and the platforms themselves", () => {
    const names = push.components.map((c) => c.name);
    for (const n of [/Device token registry/, /APNs senders/, /FCM senders/, /^APNs/, /^FCM/, /Fan-out workers/])
      expect(
        names.some((x) => n.test(x)),
        String(n),
      ).toBe(true);
    expect(names.some((x) => /Reconciler|External system/.test(x))).toBe(false);
    expect(push.api.map((a) => a.operation)).toEqual(
      expect.arrayContaining(["send", "register device", "set preferences"]),
    );
    expect(push.api.map((a) => a.operation)).not.toContain("cancel");
    expect(push.dataModel.map((d) => d.entity)).toEqual(
      expect.arrayContaining(["DeviceToken", "NotificationPreference"]),
    );
  });

  it("keeps no saga, compensation, refund or lookup by idempotency key", () => {
    const text = everything(push);
    for (const word of [
      "compensat",
      "refund",
      "a void",
      "query by idempotency key",
      "request hash",
      "provider callback",
    ])
      expect(text.toLowerCase(), word).not.toContain(word);
  });

  it("leads with the notification id, fans out per device and drops dead tokens", () => {
    expect(push.invariants[0]?.statement).toMatch(/notification id names exactly one/);
    const invariants = push.invariants.map((i) => i.statement).join("\n");
    expect(invariants).toMatch(/once per active DeviceToken/);
    expect(invariants).toMatch(/apns-collapse-id/);
    expect(invariants).not.toMatch(/provider applies it at most once/);
    const failures = push.failures.map((f) => f.failure).join("\n");
    expect(failures).toMatch(/QUOTA_EXCEEDED/);
    expect(failures).toMatch(/uninstalled apps/);
    expect(
      push.diagrams
        .filter((d) => d.kind === "sequence")
        .map((d) => d.title)
        .join("\n"),
    ).toMatch(/APNs/);
  });

  it("leaves a payment that also sends a push, and designs that never mention one, as they were", () => {
    const pay = design(
      "Design a payment system that charges cards exactly once and sends a push notification on success",
    );
    expect(pay.components.some((c) => /Device token/.test(c.name))).toBe(false);
    expect(pay.requirements.some((r) => /compensating/.test(r.text))).toBe(true);
    const webhook = design("Design a webhook delivery service that retries failed deliveries for up to 72 hours");
    expect(everything(webhook)).not.toMatch(/DeviceToken|APNs|notification id/);
    const uber = design("Design a ride-hailing app like Uber");
    expect(uber.requirements.some((r) => /device token/.test(r.text))).toBe(false);
  });
});

describe("a work queue is a per-message lease store, not a log shell", () => {
  const queue = design("Design a distributed task queue with at-least-once processing and visibility timeouts");
  const kafka = design("Design a distributed message queue like Kafka.");

  it("draws queue brokers, quorum replicas and workers, with no in-sync set, controller quorum or offsets", () => {
    const names = queue.components.map((c) => c.name).join("\n");
    expect(names).toMatch(/Queue brokers/);
    expect(names).toMatch(/Queue replicas/);
    expect(names).not.toMatch(/KRaft|In-sync follower|Consumer group/);
    expect(queue.api.map((a) => a.operation)).toEqual(expect.arrayContaining(["send", "receive", "extend", "ack"]));
    expect(queue.api.map((a) => a.operation)).not.toContain("publish");
    expect(queue.dataModel.map((d) => d.entity)).not.toContain("Partition");
    const sequences = queue.diagrams
      .filter((d) => d.kind === "sequence")
      .map((d) => d.mermaid)
      .join("\n");
    expect(sequences).not.toMatch(/hide each message until now/);
  });

  it("leads with its own rules: a quorum-stored message and one consumer per lease", () => {
    const text = queue.invariants.map((i) => i.statement).join("\n");
    expect(queue.invariants[0]?.statement).toMatch(/QueueMessage is acknowledged .* only once a quorum/);
    expect(text).toMatch(/MessageLease hands its message to one consumer at a time/);
    expect(text).not.toMatch(/acks=all|high watermark|ConsumerOffset/);
  });

  it("holds its own scopes (a lease per message, order only within a message group), not a consumer group's partition", () => {
    const why = queue.scopes.map((x) => `${x.concern} ${x.scope} ${x.why}`).join("\n");
    expect(why).toMatch(/exclusivity key each message is leased to one worker/);
    expect(why).not.toMatch(/consumer group|offsets/);
    expect(kafka.scopes.map((x) => x.why).join("\n")).toMatch(/one member of a consumer group reads it/);
    // a resend carries its dedup id to the partition that holds its first copy
    expect(queue.dataModel.find((e) => e.entity === "QueueMessage")?.partitionKey).toMatch(/^hash\(dedup_id\)/);
    // any-order delivery keeps no partition key for order; a stated send order picks FIFO groups and keeps one
    expect(queue.mechanisms.map((m) => m.id)).not.toContain("partition-key-ordering");
    const fifo = design(
      "Design a work queue for order events where each customer's tasks must run in the order they were sent.",
    );
    expect(fifo.nfrs.ordering).toBe("per-key");
    expect(fifo.decisions.find((x) => x.id === "i05-wq-order")?.chosen).toBe("fifo-groups");
  });

  it("leaves a log read by offset as it was", () => {
    expect(kafka.components.map((c) => c.name).join("\n")).toMatch(/KRaft/);
    expect(kafka.invariants.map((i) => i.statement).join("\n")).not.toMatch(/QueueMessage|MessageLease/);
  });
});

describe("a cache in front of a database draws the store as the database behind it", () => {
  const cache = design(
    "Design a distributed cache in front of a user-profile database serving 1 million reads per second",
  );
  const store = design("Design a distributed key-value store like Dynamo.");

  it("keeps no hinted handoff, tombstones, counters or sign-in-again rows, and names the database", () => {
    const names = cache.components.map((c) => c.name).join("\n");
    expect(names).toMatch(/Database shards/);
    expect(names).toMatch(/Cache nodes/);
    expect(names).not.toMatch(/Anti-entropy|hint replay/);
    const text = JSON.stringify([cache.requirements, cache.failures, cache.invariants, cache.dataModel]);
    for (const word of ["hinted handoff", "Tombstone", "counter on the owning shard", "sign in again", "Double count"])
      expect(text, word).not.toContain(word);
  });

  it("leads with the database staying the system of record the cache copies", () => {
    expect(cache.invariants[0]?.statement).toMatch(/system of record the cache only copies/);
    expect(store.invariants.map((i) => i.statement).join("\n")).not.toMatch(/the cache only copies/);
  });

  it("leaves a key-value store that is its own system of record as it was", () => {
    // (the repair of a system of record stays: hinted handoff only where leaderless replication is chosen, anti-entropy
    // in its failure rows either way)
    const text = JSON.stringify([store.requirements, store.invariants, store.components, store.failures]);
    expect(text).toMatch(/Tombstone/);
    expect(text).toMatch(/hinted handoff|anti-entropy/i);
  });
});

describe("a distributed cache keeps no repair of a system of record", () => {
  it("draws no anti-entropy, tombstones or sign-in-again row, while a key-value store of record keeps them", () => {
    const cache = design("Design a distributed cache.");
    const text = JSON.stringify([
      cache.requirements,
      cache.failures,
      cache.invariants,
      cache.components,
      cache.dataModel,
    ]);
    for (const word of ["Anti-entropy", "Tombstone", "sign in again", "HintedWrite"])
      expect(text, word).not.toContain(word);
    const dynamo = design("Design a distributed key-value store like Dynamo.");
    expect(JSON.stringify(dynamo.components)).toMatch(/Tombstone/);
  });
});

describe("the subjects a design speaks of are found in one place", () => {
  it("leaves unspoken exactly the topics nfrs.topics does not list, a yielding topic included", () => {
    const features = [{ name: "Checkout", actions: ["pay for the basket"] }];
    for (const [prompt, feats] of [
      ["Design a payment system that sends a push notification when a charge succeeds", []],
      ["Design a distributed cache in front of a Postgres database", []],
      ["Design a shop", features],
      ["Design a lock service", []],
    ] as const) {
      const spoken = designTopicsSpoken(prompt, feats).map((t) => t.value);
      const unspoken = designTopicsUnspoken(prompt, feats);
      expect([...spoken, ...unspoken].sort()).toEqual([...TOPIC_VALUES].sort());
      expect(spoken.filter((t) => unspoken.includes(t))).toEqual([]);
    }
    // push yields to money: spoken words, but not the design's subject
    expect(designTopicsUnspoken("Design a payment system that sends push notifications", [])).toContain("push");
    expect(designTopicsSpoken("Design a shop", features).map((t) => t.value)).toEqual(["money"]);
    // the design's nfrs.topics are these, with the words that name them
    const d = design("Design a payment system that sends a push notification when a charge succeeds");
    expect(d.nfrs.topics).toEqual(["money"]);
  });
});

describe("topicsSpoken", () => {
  it("answers each text alike however the texts asked before it alternate", () => {
    const texts = [
      "Design a payment system with refunds",
      "Design an email newsletter service",
      "Design a URL shortener",
      "Design a webhook delivery service",
    ];
    const alone = texts.map((t) => topicsSpoken(t).map((x) => `${x.value}:${x.quote}`));
    for (const order of [
      [0, 1, 0, 1, 2, 0, 3, 3, 1],
      [3, 2, 1, 0, 0, 2, 2, 3, 0],
    ])
      for (const i of order)
        expect(
          topicsSpoken(texts[i] as string).map((x) => `${x.value}:${x.quote}`),
          texts[i],
        ).toEqual(alone[i]);
    expect(alone[0]).toEqual(["money:payment"]);
  });
});
