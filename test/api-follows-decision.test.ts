import { describe, expect, it } from "vitest";
import { rejectedOptionsCarried } from "../src/engine/coherence.js";
import { design } from "../src/lib/index.js";

/** The fields of a design's calls, by operation: what a caller sends and gets back. */
const fields = (d: ReturnType<typeof design>, operation: string) =>
  d.api.filter((a) => a.operation === operation).flatMap((a) => [...a.request, ...a.response, a.guarantee]);

describe("a call's fields follow the option the design chose", () => {
  const KV =
    "Design a distributed key-value store with tunable consistency handling 1 million writes per second across 3 regions.";

  it("a leaderless store settling conflicts by last writer neither returns siblings nor asks for a version vector", () => {
    const d = design(KV);
    expect(d.decisions.find((x) => x.id === "i16-conflicts")?.chosen).toBe("lww-hlc");
    const said = [...fields(d, "quorum get"), ...fields(d, "quorum put"), ...fields(d, "quorum delete")].join(" | ");
    expect(said).toContain("hybrid-logical-clock timestamp");
    expect(said).not.toMatch(/siblings?|version vector/);
    expect(rejectedOptionsCarried(d)).toEqual([]);
  });

  it("with version vectors chosen, the read returns siblings and the write names the vector it read", () => {
    const d = design(KV, ["decision.i16-conflicts=version-vectors"]);
    expect(fields(d, "quorum get").join(" ")).toContain("siblings");
    expect(fields(d, "quorum put").join(" ")).toContain("context (the version vector read)");
  });

  it("with CRDT values chosen, a write is an update the replicas merge", () => {
    const d = design(KV, ["decision.i16-conflicts=crdt"]);
    expect(d.api.find((a) => a.operation === "quorum put")?.call).toMatch(/^PATCH /);
    expect(fields(d, "quorum get").join(" ")).not.toContain("siblings");
  });

  it("a CRDT-merged document's submit returns no transformed operation", () => {
    const d = design(
      "Several clients edit the same document concurrently, some of them offline for a while. How do you merge their edits so every client converges?",
    );
    expect(d.decisions.find((x) => x.id === "i13-merge")?.chosen).toBe("crdt");
    const submit = fields(d, "submit").join(" ");
    expect(submit).toContain("element");
    expect(submit).not.toMatch(/transform/);
    const ot = design(
      "Several clients edit the same document concurrently, some of them offline for a while. How do you merge their edits so every client converges?",
      ["decision.i13-merge=ot"],
    );
    expect(fields(ot, "submit").join(" ")).toContain("transformed op");
  });

  it("the coherence check reads a call's fields, not only its guarantee", () => {
    const d = design(KV);
    const put = d.api.find((a) => a.operation === "quorum put");
    expect(put).toBeDefined();
    const leaked = {
      ...d,
      api: d.api.map((a) => (a === put ? { ...a, response: [...a.response, "siblings (when concurrent)"] } : a)),
    };
    expect(rejectedOptionsCarried(leaked).map((p) => p.detail)).toEqual([
      expect.stringMatching(
        /^i16-conflicts rejected .* but API PUT \/v1\/kv\/\{key\}\?consistency=one\|quorum says 'siblings'/,
      ),
    ]);
  });
});
