import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { likenessPattern, mentionsName, namedSystems, namePattern, referenceFacts } from "../src/engine/references.js";
import { ARCHETYPES } from "../src/knowledge/index.js";
import { REFERENCE_FAMILIES } from "../src/knowledge/references.js";

const prompts = readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8")
  .split("\n")
  .filter((p) => p.trim());
const names = [
  ...new Set(ARCHETYPES.flatMap((a) => a.signals.systems.flatMap((s) => [s.name, ...s.aliases]))),
  "C++",
  "Node.js",
  "S3",
  "a",
];
const tricky = [
  "",
  "S3",
  "s3-compatible store",
  "xS3 and S3x",
  "Design Kafka's log like KAFKA",
  "use node.js (Node.JS) or nodexjs",
  "c++ and C++11",
  "a",
  "Ünïcode Kafka",
  "Kafka\u212A",
];

describe("mentionsName", () => {
  it("answers as its whole-word, case-insensitive pattern does", () => {
    let hits = 0;
    for (const text of [...prompts, ...tricky])
      for (const name of names) {
        const expected = namePattern(name).test(text);
        if (expected) hits++;
        expect(mentionsName(text, name), `${name} in ${text}`).toBe(expected);
      }
    expect(hits).toBeGreaterThan(50);
  });
});

describe("namedSystems", () => {
  it("names every known system the prompt mentions, longest first, as testing each name does", () => {
    const known = names.slice(0, -4).filter((n) => n.length >= 2);
    let hits = 0;
    for (const text of [...prompts, ...tricky, "Design an object store like Amazon S3 or MinIO, not S3-like"]) {
      const found = namedSystems(text);
      hits += found.length;
      expect([...found].sort(), text).toEqual(known.filter((n) => namePattern(n).test(text)).sort());
      expect(
        found.map((n) => n.length),
        text,
      ).toEqual(found.map((n) => n.length).sort((a, b) => b - a));
    }
    expect(hits).toBeGreaterThan(30);
  });
});

describe("referenceFacts", () => {
  it("asks for a family by likeness exactly where an implementation's likeness pattern matches", () => {
    const likeness = [
      "Design a KAFKA-like log",
      "a store like an Etcd",
      "  design zookeeper for us",
      "a consul clone",
      "a Kafka\u212A-like log",
      "Design K\u0130fka",
      "a kafka like system but ZooKeeper-style",
    ];
    let asked = 0;
    for (const text of [...prompts, ...tricky, ...likeness]) {
      const expected = REFERENCE_FAMILIES.map((f) => {
        const impl = f.implementations.find((i) => likenessPattern(i).test(text));
        const m = text.match(f.asks);
        return (m && (m[1] ?? m[0])) ?? (impl === undefined || f.headOnly ? null : `${impl}-like system`);
      });
      asked += expected.filter((a) => a?.endsWith("-like system")).length;
      // beside an implementation's likeness, a system of the family's kind the prompt likens itself to asks for it
      // (`kindLikened`): those entries name one of the prompt's subjects
      const facts = referenceFacts(text);
      const got = facts.asked.map((a, i) =>
        expected[i] === null && a !== null && facts.subjects.some((s) => a === `${s}-like system`) ? null : a,
      );
      expect(got, text).toEqual(expected);
    }
    expect(asked).toBeGreaterThan(5);
  });

  it("asks for the family of the kind a likened system is: an S3-compatible store is an object store, not a file system", () => {
    const fs = REFERENCE_FAMILIES.findIndex((f) => f.implementations.includes("HDFS"));
    const os = REFERENCE_FAMILIES.findIndex((f) => f.implementations.includes("MinIO"));
    const facts = referenceFacts("Design an S3-compatible store for backups.");
    expect(facts.asked[os]).toBe("S3-like system");
    expect(facts.asked[fs]).toBeNull();
  });
  const kafka = REFERENCE_FAMILIES.findIndex((f) => f.implementations.includes("Kafka"));
  it("hears a system asked for by likeness in any letter case, and not one only built on", () => {
    const asked = (text: string) => referenceFacts(text).asked[kafka];
    expect(asked("Design a KAFKA-like log for our events")).toBe("Kafka-like system");
    expect(asked("Build me something like a RABBITMQ for our events")).toBe("RabbitMQ-like system");
    expect(asked("  design pulsar for our events")).toBe("Pulsar-like system");
    expect(asked("Design a Redpanda clone")).toBe("Redpanda-like system");
    expect(asked("Design a feed of our events using Kafka")).toBeNull();
  });
});
