import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology, d.decisions]);
const spoken = (text: string) => topicsSpoken(text).map((t) => t.value);
const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;
const postgres = () => design("Replicate Postgres tables into BigQuery");
const hardRule = (d: ReturnType<typeof design>) => JSON.stringify(d.invariants[0]);

describe("a stream processor keeps keyed event-time windows and checkpoints them by aligned barriers", () => {
  const flink = design(
    "Design a stream processing system like Apache Flink that computes per-user 5-minute windowed counts over 1 million events per second and produces exactly-once results after a worker crash.",
  );
  const sessions = design("Sessionise click streams with 30-minute inactivity gaps");

  it("draws windows, a state backend, a checkpoint coordinator and a transactional sink, not a search projection", () => {
    for (const d of [flink, sessions]) {
      expect(d.archetypes[0]?.id).toBe("I06");
      expect(d.nfrs.topics).toContain("stream-processor");
      expect(drawn(d)).toMatch(/State backend \(RocksDB/);
      expect(drawn(d)).toMatch(/Job manager \(checkpoint coordinator/);
      expect(drawn(d)).not.toMatch(/IndexDocument|IndexAlias|Elasticsearch|Projector workers|ConsumerOffset/);
    }
  });

  it("says each event is counted once in its window, kept by the consistent cut", () => {
    expect(hardRule(flink)).toMatch(/counted exactly once in the result of each window/);
    expect(JSON.stringify(flink.mechanisms)).toMatch(/consistent-cut/);
    expect(checkCoherence(flink).filter((c) => c.rule === "mechanism-protects-nothing")).toEqual([]);
  });

  it("reads a stated window length, and a session's inactivity gap, as the window", () => {
    const stated = (d: ReturnType<typeof design>) =>
      JSON.stringify(d.capacity.flatMap((f) => f.inputs).filter((i) => i.name === "window_seconds")[0]);
    expect(stated(flink)).toMatch(/"value":300,"source":"stated"/);
    expect(stated(sessions)).toMatch(/"value":1800,"source":"stated"/);
    for (const d of [flink, sessions, postgres()])
      expect(checkCoherence(d).map((c) => c.rule)).not.toContain("stated-number-unread");
  });

  it("picks session windows for an inactivity gap and tumbling windows for a fixed period", () => {
    expect(chosen(sessions, "i06-stream-window")).toBe("session");
    expect(chosen(flink, "i06-stream-window")).toBe("tumbling");
  });

  it("leads a Kafka Streams app over the log it reads, and builds it on Kafka Streams rather than as Kafka", () => {
    const app = design("Design a Kafka Streams app computing hourly revenue per store");
    expect(app.archetypes[0]?.id).toBe("I06");
    expect(app.technology.find((t) => t.layer === "serving")?.choices[0]?.product).toMatch(/^Kafka Streams/);
    expect(JSON.stringify(app.technology)).not.toMatch(/the prompt names Kafka: it is the system being designed/);
    expect(design("Design a Kafka cluster that stores events for a week").archetypes[0]?.id).toBe("I05");
  });

  it("is spoken by the kind of system or its windows, and yields to an event-counting pipeline", () => {
    expect(spoken("a Kafka Streams app computing hourly revenue per store")).toContain("stream-processor");
    expect(spoken("count ad clicks per campaign in tumbling windows")).not.toContain("stream-processor");
    expect(spoken("a photo app that adds a watermark to images")).not.toContain("stream-processor");
  });
});

describe("change data capture into a warehouse reads each engine's own log and merges with the position", () => {
  const mysql = design(
    "Design a change data capture pipeline that streams every committed row change from 200 MySQL databases into a data warehouse in commit order per table, with no change lost or applied twice.",
  );
  const postgres = design("Replicate Postgres tables into BigQuery");

  it("merges batches into the warehouse with their offsets, not versioned writes into a search index", () => {
    for (const d of [mysql, postgres]) {
      expect(d.archetypes[0]?.id).toBe("I06");
      expect(d.nfrs.topics).toContain("cdc-warehouse");
      expect(drawn(d)).toMatch(/Warehouse loader \(batch per table, MERGE/);
      expect(drawn(d)).not.toMatch(/Elasticsearch|gc_deletes|IndexDocument/);
      expect(hardRule(d)).toMatch(/applied to its WarehouseRow exactly once and in commit order/);
    }
  });

  it("reads MySQL's binlog by GTID where MySQL is named, and a replication slot by LSN otherwise", () => {
    expect(drawn(mysql)).toMatch(/binlog/);
    expect(drawn(mysql)).toMatch(/GTID/);
    expect(drawn(mysql)).not.toMatch(/replication slot|pgoutput|PostgreSQL connector/);
    expect(drawn(postgres)).toMatch(/replication slot/);
    expect(drawn(postgres)).not.toMatch(/GTID|binlog/);
  });
});
