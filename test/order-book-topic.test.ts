import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

/** Everything a design says about its shape, as one text. */
const said = (d: ReturnType<typeof design>) =>
  JSON.stringify([
    d.requirements,
    d.primaryState,
    d.failures,
    d.invariants,
    d.components,
    d.links,
    d.api,
    d.dataModel,
    d.technology,
    d.bottlenecks,
    d.capacity,
    d.decisions,
    d.diagrams,
  ]);

describe("a shared subject that is an order book is drawn as a matching engine", () => {
  const exchange = design("Design a stock exchange order matching engine for 100k orders per second");
  const docs = design("Design a collaborative document editor like Google Docs where many people edit at once");

  it("names the subject it speaks of, with the words", () => {
    expect(exchange.nfrs.topics).toContain("order-book");
    expect(exchange.nfrs.sources["topic.order-book"]?.because).toMatch(/stock exchange|matching engine/);
    expect(docs.nfrs.topics ?? []).not.toContain("order-book");
  });

  it("keeps an order book's parts: risk gateway, one matcher per symbol, replicated order log, executions", () => {
    const names = exchange.components.map((c) => c.name).join("\n");
    for (const part of ["pre-trade risk", "one sequencer per symbol", "Order log", "Backup matcher", "market-data"])
      expect(names, part).toContain(part);
    expect(exchange.api.map((a) => a.operation)).toEqual(expect.arrayContaining(["new order", "cancel", "replace"]));
    expect(exchange.invariants.map((i) => i.statement).join("\n")).toMatch(/price-time|earlier-sequenced/);
    expect(exchange.capacity.some((r) => r.id === "hot_symbol_orders")).toBe(true);
    expect(exchange.decisions.map((r) => r.id)).toContain("i13-book-durability");
  });

  it("carries nothing of a document's editing", () => {
    const text = said(exchange);
    for (const word of [
      "ShareDB",
      "Yjs",
      "CRDT",
      "transform the submitted",
      "Editors",
      "SubjectSnapshot",
      "Durable Objects",
    ])
      expect(text, word).not.toContain(word);
    expect(exchange.decisions.map((r) => r.id)).not.toContain("i13-merge");
  });

  it("a document keeps its own rows and none of the order book's", () => {
    const text = said(docs);
    expect(text).toContain("transform the submitted operation");
    for (const word of ["OrderLogEntry", "price-time", "Backup matcher", "Aeron"])
      expect(text, word).not.toContain(word);
    expect(docs.decisions.map((r) => r.id)).toContain("i13-merge");
  });
});

describe("the storage substrate under a file-sync product is a block store", () => {
  const dropbox = design("Design Dropbox file sync for 100 million users");
  const gfs = design("Design a distributed file system like GFS with 64 MB chunks and three replicas");

  it("keeps immutable blocks by hash, with no file system of its own", () => {
    expect(dropbox.nfrs.topics).toContain("file-sync");
    const text = said(dropbox);
    for (const word of ["PrimaryLease", "Chunkserver holding the primary lease", "Leased primary write", "multipart"])
      expect(text, word).not.toContain(word);
    expect(JSON.stringify(dropbox.technology)).not.toMatch(/HDFS|Ceph|GFS/);
    expect(dropbox.decisions.map((r) => r.id)).not.toContain("i19-interface");
    expect(dropbox.components.map((c) => c.name).join("\n")).toContain("Block index (hash to placement");
  });

  it("sizes storage from the users' deduplicated bytes: raw bytes follow the stored bytes", () => {
    const value = (id: string) => dropbox.capacity.find((r) => r.id === id)?.value;
    const stored = value("stored_bytes");
    const raw = value("raw_bytes");
    expect(stored).toBeGreaterThan(0);
    expect(raw).toBeGreaterThanOrEqual(stored ?? Number.POSITIVE_INFINITY);
    expect(dropbox.capacity.some((r) => r.id === "chunks")).toBe(false);
    expect(dropbox.decisions.find((r) => r.id === "i19-redundancy")?.chosen).toBe("erasure-coding");
  });

  it("a chunk file system keeps its leased primary", () => {
    expect(gfs.nfrs.topics ?? []).not.toContain("file-sync");
    expect(said(gfs)).toContain("PrimaryLease");
  });
});
