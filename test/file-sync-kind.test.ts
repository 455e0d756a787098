import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { FEATURE_BY_ID } from "../src/knowledge/features/index.js";
import { SYSTEM_KINDS } from "../src/knowledge/signals/kinds.js";

/**
 * An infra ask whose head names a kind of system that is a catalogue feature over the lead's substrate ("a file sync
 * service") draws that feature's sync layer beside the block store, as naming the product ("Design Dropbox") does:
 * the namespace journal, device cursors, the long-poll notification service, their API, rows, sequences and figures.
 */
describe("a file sync service named by its kind draws the sync layer, not only the block store", () => {
  const asks = [
    "Design a file syncing service for 20 million users. A single file can be as large as 5 GB.",
    "Design a file synchronization service that keeps documents current on every device a person owns.",
    "Design a cloud drive that syncs files across a user's devices.",
  ];

  for (const prompt of asks) {
    const d = design(prompt);
    it(`draws the journal, cursor and notification parts: ${prompt}`, () => {
      expect(d.branch.kind).toBe("infra");
      expect(d.archetypes[0]?.id).toBe("I19");
      expect(d.features.map((f) => f.id)).toEqual(["file-sync"]);
      const names = d.components.map((c) => c.name);
      expect(names).toContain("Metadata service");
      expect(names).toContain("Metadata database (sharded by namespace)");
      expect(names).toContain("Change notification channel (long poll)");
      // the metadata database calls no block front-end: the metadata service checks blocks in the index itself
      expect(d.components.length).toBeGreaterThan(0);
      expect(d.links.some((l) => l.label.startsWith("uses "))).toBe(false);
    });

    it(`has the sync API and rows: ${prompt}`, () => {
      const calls = d.api.map((a) => a.call);
      for (const call of [
        "POST /v1/blocks:missing",
        "PUT /v1/blocks/{sha256}",
        "POST /v1/namespaces/{ns}/commit",
        "GET /v1/namespaces/{ns}/changes?cursor={cursor}",
        "POST /v1/namespaces/{ns}/changes:longpoll",
        "GET /v1/blocks/{sha256}",
      ])
        expect(calls, call).toContain(call);
      const row = (entity: string) => d.dataModel.find((r) => r.entity === entity);
      expect(row("Journal")?.key).toEqual(["namespace_id", "journal_seq"]);
      expect(row("DeviceCursor")?.key).toEqual(["namespace_id", "device_id"]);
      expect(row("FileVersion")?.fields).toContain("parent_version");
    });

    it(`draws commit, follow and conflict sequences, sizes the long polls, and is coherent: ${prompt}`, () => {
      const titles = d.diagrams.filter((g) => g.kind === "sequence").map((g) => g.title);
      expect(titles.some((t) => t.includes("commit against the parent version"))).toBe(true);
      expect(titles.some((t) => t.includes("Follow the namespace journal"))).toBe(true);
      expect(titles.some((t) => t.includes("conflicted copy"))).toBe(true);
      const ids = d.capacity.map((c) => c.id);
      for (const id of ["sync_connections", "notification_servers", "longpolls_per_sec", "metadata_primaries"])
        expect(ids, id).toContain(id);
      expect(checkCoherence(d)).toEqual([]);
    });
  }

  it("sizes the largest stated file's blocks, block list and first upload", () => {
    const d = design(asks[0] ?? "");
    const value = (id: string) => d.capacity.find((c) => c.id === id)?.value;
    expect(value("blocks_per_largest_file")).toBeCloseTo(1250, 0);
    expect(value("largest_blocklist_bytes")).toBeCloseTo(40000, 0);
    expect(value("largest_upload_seconds")).toBeCloseTo(4000, 0);
  });

  it("stores the bytes the feature counts, whether or not the prompt states its users", () => {
    for (const prompt of asks) {
      const d = design(prompt);
      const value = (id: string) => d.capacity.find((c) => c.id === id)?.value ?? Number.NaN;
      expect(value("raw_bytes") / value("stored_bytes"), prompt).toBeCloseTo(2, 6);
    }
  });

  it("a block store named by its own kind brings no sync layer", () => {
    const d = design("Design a content-addressed block store for a backup product.");
    expect(d.features.map((f) => f.id)).not.toContain("file-sync");
  });

  it("a feature reached only through the shared gateway still says which archetype it uses", () => {
    // the booking's inventory store calls nothing of the scan's, though the product's gateway routes to both
    const d = design("Design a vet clinic app where pet owners book visits with vets and get prescriptions.");
    const uses = d.links.filter((l) => l.label.startsWith("uses "));
    expect(uses.map((l) => l.from)).toContain("inventory-store");
  });

  it("every kind's feature is a catalogue feature", () => {
    for (const k of SYSTEM_KINDS) if (k.feature !== undefined) expect(FEATURE_BY_ID.has(k.feature), k.kind).toBe(true);
  });

  it("a shared folder has its members' Share rows, a call to share it and a write check on commit", () => {
    for (const prompt of [
      "Design a document storage service like Google Drive for 100 million users, with sharing and edits synced across devices.",
      "Design a cloud file storage service like Dropbox where users share folders with their teammates.",
    ]) {
      const d = design(prompt);
      const share = d.dataModel.find((r) => r.entity === "Share");
      expect(share?.key, prompt).toEqual(["namespace_id", "user_id"]);
      expect(
        d.api.some((a) => a.operation === "share a folder" && /^POST /.test(a.call)),
        prompt,
      ).toBe(true);
      const commit = d.api.find((a) => a.operation === "commit a file version");
      expect(
        commit?.errors.some((e) => e.startsWith("403")),
        prompt,
      ).toBe(true);
    }
  });
});
