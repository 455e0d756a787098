// The kind the head names leads over what the rest of the prompt brings: a card phrase on the same words does not hide
// the kind's reading, a requirement in the head qualifies the kind, and a system the head's noun is likened to ("a log
// aggregation system like Kafka") is its model, not the thing built (round 20, lane recog).
import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";
import { design } from "../src/lib/index.js";

const ranked = (prompt: string) => classify(prompt).archetypes.map((a) => a.id);
const evidence = (prompt: string, id: string) =>
  classify(prompt)
    .archetypes.find((a) => a.id === id)
    ?.evidence.join(" ") ?? "";

describe("the head's kind leads", () => {
  it("a kind whose words are also its archetype's own phrase keeps the kind's reading, and leads", () => {
    const p =
      "Design a data warehouse like BigQuery that loads 10 TB a day from Kafka and stores columnar files in object storage.";
    expect(ranked(p)[0]).toBe("I06");
    expect(evidence(p, "I06")).toMatch(
      /'data warehouse' in the head names a data warehouse, which no archetype builds/,
    );
    expect(evidence(p, "I19")).toMatch(/ranks below it/);
  });

  it("a requirement written in the head says how the kind behaves, not a second thing built", () => {
    for (const p of [
      "Design a strongly consistent relational database like YugabyteDB where each shard's leader is elected by Raft.",
      "Design a globally consistent document database like Cosmos DB with a leader elected per partition.",
    ]) {
      expect(ranked(p)[0], p).toBe("I16");
      expect(evidence(p, "I01"), p).toMatch(/how it behaves, and ranks below it/);
    }
  });

  it("a system the head's noun is likened to is the model, not the thing built", () => {
    const p =
      "Design a log aggregation system like Kafka that collects logs from 20,000 hosts and keeps them searchable for 30 days.";
    expect(ranked(p)[0]).toBe("I18");
    expect(evidence(p, "I05")).toMatch(/'like kafka' after it only says what it is likened to/);
  });

  it("a likeness is what is built when the noun is one of its uses, when other words stand between, or when it comes first", () => {
    // Redis is used as a cache: the noun does not make it something else (the two stay as the scores have them)
    expect(evidence("Design a read-through cache like Redis for a product catalogue.", "I16")).not.toMatch(/likened/);
    // the likeness attaches to 'store', which no noun before it names
    expect(ranked("Design a service discovery and settings store like etcd for 3,000 services.")[0]).toBe("I01");
    // one general word is a noun the likeness says which kind of
    expect(ranked("Design an orchestrator like Kubernetes for 5,000 machines running batch containers.")[0]).toBe(
      "I15",
    );
    // the name before the noun says which kind of scheduler is meant
    expect(
      ranked(
        "Design a Kubernetes-like scheduler plus node agent for a render farm: frames are placed on machines by CPU and memory requests.",
      )[0],
    ).toBe("I15");
  });

  it("a voting system is read as each voter's set-once ballot record (key-scoped state, never a lease), with low confidence", () => {
    for (const p of [
      "Design a student union voting service where each member votes once and results are published when voting closes.",
      "Design an online voting system for a city referendum with 3 million voters and an election day deadline.",
    ]) {
      expect(ranked(p)[0], p).toBe("I16");
      expect(evidence(p, "I16"), p).toMatch(/names a voting system, which no archetype builds whole/);
    }
  });

  it("an authorization or permissions service is read as key-scoped relationship records, with low confidence", () => {
    for (const p of [
      "Design a permissions service that decides whether a user may open a shared folder, answering 500,000 checks per second.",
      "Design an access control system for a document sharing product.",
    ]) {
      expect(ranked(p)[0], p).toBe("I16");
      expect(evidence(p, "I16"), p).toMatch(/authorization service, which no archetype builds whole/);
    }
    // a permission check is a request the service answers: the stated rate sizes it
    const d = design("Design a permissions service answering 500,000 permission checks per second.");
    // (its own subject, relationship-authz, sizes the check servers from it)
    const servers = d.capacity.find((c) => c.id === "check_servers");
    expect(servers?.inputs.find((i) => i.name === "checks_per_sec")?.value).toBe(500000);
  });

  it("an interactive SQL engine, or one like Presto, is read as the execution fleet", () => {
    for (const p of [
      "Design an interactive SQL engine over Parquet files in a data lake for 300 analysts.",
      "Design a query engine like PrestoDB where 200 workers scan tables in object storage.",
    ]) {
      expect(ranked(p)[0], p).toBe("I15");
      expect(evidence(p, "I15"), p).toMatch(/SQL query engine, which no archetype builds whole/);
    }
  });
});
