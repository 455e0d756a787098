import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { onOnePrimary } from "../src/knowledge/state-limits.js";
import { writeScript } from "../src/render/script/index.js";

const board = design("Design a collaborative whiteboard like Miro where up to 50 people edit the same board at once");
const storage = (d: ReturnType<typeof design>) => d.technology.find((t) => t.layer === "storage");

describe("a store the design loads past one primary is said split over the count it sizes", () => {
  it("sizes the operation log's primaries from its peak appends and says the count on the store", () => {
    const shards = board.capacity.find((c) => c.id === "oplog_shards");
    const peak = board.capacity.find((c) => c.id === "peak_ops_per_sec");
    expect(peak && shards).toBeTruthy();
    // peak appends over one primary's writes at the planned utilisation
    expect(shards?.value).toBe(Math.ceil((peak?.value ?? 0) / (10000 * 0.5)));
    const pg = storage(board)?.choices.find((c) => /PostgreSQL/.test(c.product));
    expect(pg?.split).toMatch(/^split over \d+ shards: /);
    expect(pg?.split).toContain(`${shards?.value}`);
    const script = JSON.stringify(writeScript(board, { minutes: 45 }));
    expect(script).toMatch(/For the storage I'd use a PostgreSQL op-log table, split over \d+ shards/);
    expect(board.coherence).toEqual([]);
  });

  it("splits a one-primary store over the peak write rate where its archetype sizes no count", () => {
    const view = design("Design a materialized view service that keeps read models up to date from an event log.");
    const row = view.technology.find(
      (t) => t.layer === "storage" && t.choices.some((c) => /PostgreSQL/.test(c.product)),
    );
    expect(row).toBeDefined();
    for (const c of row?.choices.filter((x) => onOnePrimary(x.product)) ?? [])
      expect(c.split).toMatch(/^split over \d+ primaries by key: \w+ /);
    expect(view.coherence).toEqual([]);
  });

  it("knows which stores take every write on one primary", () => {
    expect(onOnePrimary("PostgreSQL op-log table")).toBe(true);
    expect(onOnePrimary("Sharded MySQL or PostgreSQL for histories")).toBe(false);
    expect(onOnePrimary("Apache Cassandra")).toBe(false);
  });

  it("is checked by coherence: a one-primary store without its split", () => {
    const broken = structuredClone(board) as typeof board;
    for (const t of broken.technology) for (const c of t.choices) delete c.split;
    const found = checkCoherence(broken).filter((p) => p.rule === "store-unsplit");
    expect(found.map((p) => p.detail).join("\n")).toMatch(/PostgreSQL op-log table .*oplog_shards/);
    // where no count sizes the store, its peak writes past one primary are the hit
    const noCount = structuredClone(broken) as typeof board;
    noCount.capacity = noCount.capacity.filter((c) => !/^oplog_(?:shards|primary_share)$/.test(c.id));
    expect(checkCoherence(noCount).some((p) => p.rule === "store-unsplit" && /peak_ops_per_sec/.test(p.detail))).toBe(
      true,
    );
  });
});
