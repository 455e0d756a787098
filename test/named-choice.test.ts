import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

// A prompt that likens the design to a named system gets that system's own option (`usedBy` on a decision option), and
// a product of the kind it asks to build is a reference design, never a part it buys.
const MAGLEV =
  "Design a layer-4 load balancer like Google's Maglev that spreads 10 million packets per second across 1,000 backends and keeps existing connections on their backend when backends are added or removed.";
const BIGTABLE =
  "Design a wide-column database like Bigtable that stores 5 PB, serves 10 million reads per second, and splits hot tablets automatically.";
const row = (d: ReturnType<typeof design>, id: string) => d.decisions.find((r) => r.id === id);
const products = (d: ReturnType<typeof design>) => d.technology.flatMap((t) => t.choices.map((c) => c.product));
const references = (d: ReturnType<typeof design>) =>
  d.technology.flatMap((t) => (t.references ?? []).map((r) => r.product));

describe("the named system's own choice", () => {
  it("Maglev and Katran: consistent hashing of each flow at layer 4, over the computed default", () => {
    for (const p of [
      MAGLEV,
      "Design a Maglev-like network load balancer for 2,000 backends.",
      "Design a network load balancer like Katran that forwards 5 million packets per second to 300 backend servers.",
    ]) {
      const d = design(p);
      expect(row(d, "i17-balancing")?.chosen).toBe("hash-affinity");
      expect(row(d, "i17-layer")?.chosen).toBe("l4");
      // a prompt that itself says layer 4 or packets chooses L4 by its own words, which outrank the named system
      expect(row(d, "i17-layer")?.because).toMatch(
        /^(the named system's own choice: (Maglev|Katran)|the prompt asks for a layer-4)/,
      );
    }
  });

  it("Bigtable keeps row ranges that split; Cassandra hashes its partition key", () => {
    const big = design(BIGTABLE);
    expect(row(big, "i16-partitioning")?.chosen).toBe("range");
    expect(row(big, "i16-partitioning")?.because).toMatch(/Bigtable takes ordered key ranges/);
    const cas = design("Design a distributed database like Cassandra that stores 200 TB of user events.");
    expect(row(cas, "i16-partitioning")?.chosen).toBe("hash");
    expect(row(cas, "i16-replication")?.chosen).toBe("leaderless");
  });

  it("Borg's one scheduler is chosen over the parallel schedulers its rate would argue for", () => {
    const d = design(
      "Design a cluster job scheduler like Google's Borg that places 50,000 tasks a second on 20,000 machines.",
    );
    expect(row(d, "i15-scheduler")?.chosen).toBe("monolithic");
  });

  it("npm's write-once name@version is an option, and the one a registry like npm takes", () => {
    const npm = design(
      "Design a package registry like npm that serves 100,000 downloads per second worldwide, where a published version can never be changed or overwritten.",
    );
    expect(row(npm, "i14-addressing")?.chosen).toBe("by-name-once");
    // said by the prompt's own clause, the choice quotes it; said only by the likeness, it is npm's own choice
    expect(row(npm, "i14-addressing")?.because).toMatch(/can never (?:be )?change/);
    const liked = design("Design a package registry like npm that serves 100,000 downloads per second worldwide.");
    expect(row(liked, "i14-addressing")?.chosen).toBe("by-name-once");
    expect(row(liked, "i14-addressing")?.because).toMatch(/^the named system's own choice: npm takes/);
    // a container registry keeps its digests
    const hub = design("Design a container registry like Docker Hub that serves 50,000 image pulls per second.");
    expect(row(hub, "i14-addressing")?.chosen).toBe("by-digest");
  });

  it("Kafka's consumers pull; RabbitMQ's broker tracks each delivery", () => {
    const kafka = design(
      "Design a distributed log like Kafka that ingests 2 million events per second for 30 consumer groups.",
    );
    expect(row(kafka, "i05-consumption")?.chosen).toBe("pull");
    const rabbit = design(
      "Design a message queue like RabbitMQ that delivers 20,000 messages per second to worker consumers.",
    );
    expect(row(rabbit, "i05-consumption")?.chosen).toBe("push");
  });

  it("Prometheus scrapes its targets from the central tier", () => {
    const d = design("Design a time-series database like Prometheus for 5 million active series.");
    expect(row(d, "i18-collection")?.chosen).toBe("pull");
  });

  it("a prompt clause still wins over the named system's choice", () => {
    // the prompt's own words name the leaderless store as its model, so Bigtable's leader does not overrule them
    const d = design(
      "Design a wide-column store like Bigtable where any replica accepts writes during partitions, as a Dynamo-style leaderless store does.",
    );
    expect(row(d, "i16-replication")?.chosen).toBe("leaderless");
  });

  it("without a named system the archetype's own rules decide", () => {
    const d = design("Design a load balancer that spreads 100,000 requests per second across 200 backends.");
    expect(row(d, "i17-balancing")?.because).not.toMatch(/named system/);
  });
});

describe("a product of the asked kind is a reference, not a part", () => {
  it("an L4 balancer buys no L7 proxy and keeps an L4 forwarding part", () => {
    for (const p of [
      MAGLEV,
      "Design a network load balancer like Katran that forwards 5 million packets per second.",
    ]) {
      const chosen = products(design(p)).join(" | ");
      expect(chosen).not.toMatch(/Envoy|NGINX|HAProxy|Kong|Istio/);
      expect(chosen).toMatch(/IPVS or an XDP forwarder/);
    }
  });

  it("a proxy stays a part of an API gateway", () => {
    const d = design("Design an API gateway that routes 200,000 requests per second to 50 microservices.");
    expect(products(d).join(" | ")).toMatch(/Envoy|NGINX|Kong/);
  });

  it("a wide-column database buys no whole database", () => {
    const d = design(BIGTABLE);
    expect(products(d).join(" | ")).not.toMatch(/TiKV|FoundationDB|DynamoDB|Cassandra/);
    expect(references(d).join(" | ")).toMatch(/TiKV/);
  });

  it("a system likened to one of an archetype's kind makes that kind's whole products references (Borg: Kubernetes, Nomad)", () => {
    for (const p of [
      "Design a cluster job scheduler like Google's Borg that places 50,000 tasks a second on 20,000 machines.",
      "Design a Borg-style cluster manager for 10,000 machines.",
    ]) {
      const d = design(p);
      expect(products(d).join(" | ")).not.toMatch(/Kubernetes|Nomad/);
      expect(references(d).join(" | ")).toMatch(/Kubernetes/);
    }
    // an S3-like store asks for an object store, so a file system is no reference to learn from
    expect(references(design("Design an object storage service like S3.")).join(" | ")).not.toMatch(/HDFS/);
  });

  it("a delayed message service buys no managed scheduler", () => {
    const d = design(
      "Design a delayed message service where producers schedule 1 billion messages a day for delivery at a chosen future time.",
    );
    expect(products(d).join(" | ")).not.toMatch(/EventBridge Scheduler/);
  });
});
