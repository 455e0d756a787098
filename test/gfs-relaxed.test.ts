import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

const GFS = "Design a distributed file system like GFS for 10 PB of large, mostly-appended files";
const S3 = "Design an object storage service like S3 that stores 100 PB with eleven nines of durability";

describe("a GFS-like file system takes GFS's own model", () => {
  it("relaxed regions, record appends and the master's traffic, with the namespace still linearizable", () => {
    const d = design(GFS);
    expect(d.nfrs.consistency).toBe("consistent-prefix");
    expect(d.nfrs.sources.consistency?.because).toMatch(/relaxed model/);
    expect(d.primaryState.find((p) => p.entity === "FileEntry")?.consistency?.value).toBe("linearizable");
    expect(d.invariants.some((i) => /record appends/.test(i.statement))).toBe(true);
    const ids = JSON.stringify(d.capacity);
    for (const id of ["master_ops_per_sec", "appends_per_sec", "annual_chunk_losses"]) expect(ids).toContain(id);
    expect(d.technology.flatMap((t) => t.choices.map((c) => c.product)).join(" ")).toMatch(/replicated operation log/);
    expect(JSON.stringify(d.operations)).not.toMatch(/object key in a bucket|decoding from surviving fragments/);
  });

  it("an object store keeps its strong default and appends nothing", () => {
    const d = design(S3);
    expect(d.nfrs.consistency).toBe("linearizable");
    expect(d.invariants.some((i) => /record appends/.test(i.statement))).toBe(false);
    expect(JSON.stringify(d.capacity)).not.toContain("appends_per_sec");
  });
});

describe("an object put is not a file create", () => {
  it("an object store's put of an existing key replaces it unless made conditional; a file system refuses the path", () => {
    const text = JSON.stringify(design(S3));
    expect(text).not.toMatch(/refused if the name already exists/);
    expect(text).toMatch(
      /put of an existing key replaces it with a newer version unless the caller made it conditional/,
    );
  });
});
