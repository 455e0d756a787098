import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";

/** Everything a design says about its shape, as one text. */
const said = (d: ReturnType<typeof design>) =>
  JSON.stringify([
    d.requirements,
    d.primaryState,
    d.scopes,
    d.invariants,
    d.predicates,
    d.components,
    d.dataModel,
    d.capacity,
    d.diagrams,
  ]);

describe("file sync is a journal of file versions over a content-addressed block store", () => {
  const sync = design("Design Dropbox file sync for 100 million users");
  const drive = design("Design a Google Drive-like sync service");

  it("makes the file version, kept by the namespace's metadata store, the authoritative state", () => {
    for (const d of [sync, drive]) {
      expect(d.primaryState[0]?.entity).toBe("FileVersion");
      expect(d.primaryState[0]?.authority).toMatch(/metadata journal per namespace/);
    }
    const scopes = Object.fromEntries(sync.scopes.map((s) => [s.concern, s]));
    expect(scopes.ordering?.scope).toBe("partition");
    expect(scopes.ordering?.why).toMatch(/journal/);
    expect(scopes.exclusivity?.why).toMatch(/compare-and-set from the parent version/);
  });

  it("carries no chunk writer lease, tag, manifest or second block store", () => {
    const text = said(sync);
    for (const leftover of [
      "one writer lease per file or chunk",
      "committed length",
      "HeadPointer",
      "Manifest",
      "Object store (media blobs)",
      "CDN edge caches",
      "new posts, listings or messages",
    ])
      expect(text, leftover).not.toContain(leftover);
    expect(sync.predicates.find((p) => p.id === "exclusivity-matters")?.holds).toBe(false);
    const blockHolders = sync.components.filter((c) => /block/i.test(c.name));
    expect(blockHolders.map((c) => c.name)).toEqual([
      "Block store front-ends (put and get by hash)",
      "Block index (hash to placement, sharded by hash)",
      "Block storage nodes (copies or fragments in distinct racks)",
    ]);
    expect(sync.dataModel.find((r) => r.entity === "Block")?.owner).toBe("block-index");
  });

  it("draws the commit, the cursor-and-long-poll sync and the conflicted copy before the block put", () => {
    const titles = sync.diagrams.filter((g) => g.kind === "sequence").map((g) => g.title);
    expect(titles.slice(0, 3)).toEqual([
      "file-sync: Upload the missing blocks, then commit against the parent version",
      "file-sync: Follow the namespace journal: long poll, list changes after the cursor, fetch blocks",
      "file-sync: Two devices commit from the same parent: the later one becomes a conflicted copy",
    ]);
    const commit = sync.diagrams.find((g) => g.title.includes("commit against the parent"))?.mermaid ?? "";
    expect(commit).toMatch(/head version = parent version/);
    expect(commit).toMatch(/412 with the missing hashes/);
  });

  it("is coherent, and a second product's file sync gets the same overlay", () => {
    expect(checkCoherence(sync)).toEqual([]);
    expect(said(drive)).not.toContain("one writer lease per file or chunk");
    expect(drive.diagrams.some((g) => g.title.startsWith("file-sync: Follow the namespace journal"))).toBe(true);
  });
});

describe("components that play one role, or keep one kind of record, are one component", () => {
  const docs = design("Design a collaborative document editor like Google Docs");

  it("merges the product's client and front door into the lead's own", () => {
    const clients = docs.components.filter((c) => c.kind === "client");
    expect(clients.map((c) => c.name)).toEqual(["Editors (clients with pending local ops)"]);
    expect(clients[0]?.because).toMatch(/also the product's mobile and web clients/);
    const gateways = docs.components.filter((c) => c.kind === "gateway");
    expect(gateways).toHaveLength(1);
    expect(gateways[0]?.runs).toEqual(expect.arrayContaining(["authenticate", "route to the feature service"]));
  });

  it("keeps the document's snapshots in the snapshot store, with its data row", () => {
    const store = docs.components.find((c) => c.name === "Snapshot store");
    expect(store?.holds).toEqual(expect.arrayContaining(["DocSnapshot"]));
    expect(docs.components.find((c) => c.name.startsWith("Operation log"))?.holds).not.toContain("DocSnapshot");
    expect(docs.dataModel.find((r) => r.entity.startsWith("DocSnapshot"))?.owner).toBe(store?.id);
    expect(checkCoherence(docs).filter((p) => p.rule === "one-role-twice")).toEqual([]);
  });

  it("the coherence rule finds two clients at one gateway and a record kept apart from its kind", () => {
    const split = {
      ...docs,
      components: [
        ...docs.components.map((c) =>
          c.name === "Snapshot store"
            ? { ...c, holds: [...c.holds.filter((h) => h !== "DocSnapshot"), "SubjectSnapshot"] }
            : c.name.startsWith("Operation log")
              ? { ...c, holds: [...c.holds, "DocSnapshot"] }
              : c,
        ),
        {
          id: "client",
          name: "Mobile and web clients",
          kind: "client",
          archetype: "collab-docs",
          holds: [],
          runs: [],
          because: "",
        },
      ],
      links: [
        ...docs.links,
        { from: "client", to: docs.components.find((c) => c.kind === "gateway")?.id ?? "", kind: "request", label: "" },
      ],
      dataModel: docs.dataModel.filter((r) => !r.entity.startsWith("DocSnapshot")),
    } as typeof docs;
    const details = checkCoherence(split)
      .filter((p) => p.rule === "one-role-twice")
      .map((p) => p.detail);
    expect(details.some((x) => /Mobile and web clients all enter through/.test(x))).toBe(true);
    expect(details.some((x) => /DocSnapshot is kept in Operation log/.test(x))).toBe(true);
  });
});
