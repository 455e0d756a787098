import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";

/**
 * A word already used by a phrase of words in a row is that phrase's, not a second kind's: a phrase that shares a word
 * with the lead's and adds only a word for the whole thing ('log service' of "a commit log service") is the lead's
 * phrase read again, and a word written after 'of' inside another kind's phrase ('presence' of "points of presence")
 * qualifies that phrase's head. Counter-examples keep the kinds their own words name.
 */
interface Row {
  prompt: string;
  lead: string;
  not?: readonly string[];
  must?: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    prompt:
      "Design an internal commit log service that teams use to publish events durably, with ordering per partition and consumers tracking their offsets.",
    lead: "I05",
    not: ["I18"],
  },
  {
    prompt: "Build the commit log service behind our event bus: producers append, consumer groups keep offsets.",
    lead: "I05",
    not: ["I18"],
  },
  {
    prompt:
      "Design an authoritative DNS service for a hosting provider serving 5 million zones with answers from 40 points of presence.",
    lead: "I11",
    not: ["I10"],
    must: ["I07"],
  },
  {
    prompt:
      "Design an authoritative DNS service like Route 53 that hosts 3 million zones and answers from 100 points of presence.",
    lead: "I11",
    not: ["I10"],
  },
  // counter-examples: the kind named by its own words stays
  { prompt: "Design a distributed cache.", lead: "I16", must: ["I07"] },
  {
    prompt:
      "Design a log aggregation service that collects application logs from 20,000 servers and keeps them 30 days.",
    lead: "I18",
  },
  {
    prompt:
      "Design a coordination service that stores cluster configuration with linearizable writes and also tracks which workers are alive through sessions that expire.",
    lead: "I01",
    must: ["I11", "I10"],
  },
];

describe("a word already used by a phrase in a row is not a second kind's", () => {
  for (const row of ROWS)
    it(row.prompt.slice(0, 80), () => {
      const ids = classify(row.prompt).archetypes.map((a) => a.id);
      expect(ids[0]).toBe(row.lead);
      for (const id of row.not ?? []) expect(ids).not.toContain(id);
      for (const id of row.must ?? []) expect(ids).toContain(id);
    });
});
