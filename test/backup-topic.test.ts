import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { recognizeProduct } from "../src/engine/product/recognize.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology]);
const shape = (d: ReturnType<typeof design>) => checkCoherence(d).filter((p) => p.rule === "backup-shape");
const spoken = (text: string) => topicsSpoken(text).map((t) => t.value);
const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;

describe("a backup service keeps incremental snapshots over deduplicated chunks and restores any kept one", () => {
  const servers = design(
    "Design a backup service that takes incremental snapshots of 1 million servers every night and can restore any server to any of the last 30 days.",
  );
  const databases = design("Point-in-time restore for 50,000 databases, keeping 14 days of history.");
  const laptops = design("Design a Time Machine-like laptop backup for 10 million users.");
  const vms = design("Design snapshot backups of VM disks for a cloud provider.");

  it("is the replicated chunk store's backup subject, not a config rollout, for the prompt and its paraphrases", () => {
    for (const d of [servers, databases, laptops, vms]) {
      expect(d.archetypes[0]?.id).toBe("I19");
      expect(d.nfrs.topics).toContain("backup");
      expect(d.nfrs.durability).toBe("durable");
      expect(shape(d)).toEqual([]);
    }
    expect(servers.archetypes.map((a) => a.id)).not.toContain("I11");
    expect(drawn(servers)).not.toMatch(/Rollout controller|Health gate|cohort|ConfigVersion|DueItem/);
  });

  it("keeps the nightly schedule on its own coordinator instead of drawing a due-time scheduler", () => {
    // 'every night' only says when the backups run: the due-time archetype is not drawn, and the lead's row says why
    expect(servers.archetypes.map((a) => a.id)).not.toContain("I03");
    expect(servers.archetypes[0]?.notDrawn?.map((n) => n.id)).toContain("I03");
    expect(servers.components.map((c) => c.id)).toContain("backup-coordinator");
    // the covered due-time role adds no timer row of its own ('every night' is the coordinator's schedule)
    expect(servers.requirements.some((r) => /due time/.test(r.text))).toBe(false);
  });

  it("draws snapshots, chunks and packs, commits a snapshot after its chunks, and collects with a grace period", () => {
    for (const e of ["BackupSource", "Snapshot", "Chunk", "Pack"])
      expect(servers.dataModel.map((m) => m.entity)).toContain(e);
    expect(servers.api.map((a) => a.operation)).toEqual(
      expect.arrayContaining(["open snapshot", "find missing chunks", "upload pack", "commit snapshot", "restore"]),
    );
    const rules = servers.invariants.map((i) => i.statement).join("\n");
    expect(rules).toMatch(/committed, and offered for restore, only after every Chunk its manifest lists is durable/);
    expect(rules).toMatch(/deleted only when no retained or running Snapshot lists it/);
    expect(servers.mechanisms.map((m) => m.id)).toEqual(
      expect.arrayContaining(["publish-content-first", "content-addressing", "reference-gc"]),
    );
  });

  it("sizes the night's bytes, the ingest over the window, the stored bytes and the snapshots kept", () => {
    const row = (id: string) => servers.capacity.find((r) => r.id === id);
    // 1M servers x 500 GB x 2% a day = 10 PB changed a night, read over an 8 h window
    expect(row("backup_scan_bandwidth")?.value).toBeCloseTo(1e16 / 28800, -9);
    expect(row("ingest_bandwidth")?.value).toBeCloseTo((1e16 * 0.5) / 28800, -9);
    expect(row("snapshots_retained")?.value).toBe(3e7);
    expect(row("chunk_lookups_per_sec")?.value).toBeGreaterThan(1e5);
    expect(row("raw_bytes")?.value).toBeGreaterThan(1e17);
    expect(chosen(servers, "i19-redundancy")).toBe("erasure-coding");
  });

  it("a stated retention window sizes the snapshots kept and the stored bytes", () => {
    // "any of the last 30 days" is read as a retention window by the numbers' own rule; a window said as keeping is
    // read already, and the snapshots kept and the bytes held follow it
    const kept = design("Design a backup service for 1 million servers, keeping 45 days of nightly snapshots.");
    expect(kept.nfrs.topics).toContain("backup");
    expect(kept.nfrs.scale.retention_days).toBe(45);
    const input = kept.capacity
      .find((r) => r.id === "snapshots_retained")
      ?.inputs.find((i) => i.name === "retention_days");
    expect(input?.source).toBe("stated");
    expect(kept.capacity.find((r) => r.id === "snapshots_retained")?.value).toBe(45e6);
    expect(shape(kept)).toEqual([]);
  });

  it("reads stated databases and users as sources, and a point in time as a log archive", () => {
    expect(databases.nfrs.scale.databases).toBe(50000);
    expect(databases.nfrs.scale.retention_days).toBe(14);
    expect(databases.capacity.find((r) => r.id === "snapshots_retained")?.value).toBe(50000 * 14);
    expect(chosen(databases, "backup-restore-points")).toBe("base-plus-log-archive");
    expect(chosen(servers, "backup-restore-points")).toBe("nightly-snapshots");
    expect(laptops.capacity.find((r) => r.id === "session_starts_per_sec")?.value).toBeCloseTo(1e7 / 28800, 3);
    expect(chosen(laptops, "backup-encryption")).toBe("per-tenant-keys");
  });

  it("a point-in-time restore 'for N days' is the retention window, and 'service' alone names no telemetry fleet", () => {
    const d = design("Design a backup service for 50,000 databases with point-in-time restore for 14 days");
    expect(d.nfrs.scale.retention_days).toBe(14);
    expect(d.archetypes.map((a) => a.id)).not.toContain("I18");
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("stated-number-unread");
  });

  it("leaves file sync, photo stores and storage that merely holds backups to their own subjects", () => {
    expect(spoken("Design Dropbox: file sync across devices for 500 million users.")).not.toContain("backup");
    expect(spoken("Design a Google Photos-like photo backup service for 1 billion users.")).not.toContain("backup");
    expect(spoken("Store petabytes of backups so that losing any two disks loses nothing.")).not.toContain("backup");
    expect(spoken("Design a primary-backup replicated key-value store.")).not.toContain("backup");
    const sync = design("Design Dropbox: file sync across devices for 500 million users.");
    expect(sync.nfrs.topics).toContain("file-sync");
    expect(sync.dataModel.map((m) => m.entity)).not.toContain("Snapshot");
    const photos = design("Design a photo storage service like Google Photos for 1 billion users.");
    expect(photos.nfrs.topics).toContain("media-store");
    expect(photos.dataModel.map((m) => m.entity)).not.toContain("Pack");
  });

  it("a known word is never a misspelt product name: 'snapshot' does not name Snapchat", () => {
    expect(recognizeProduct("Design snapshot backups of VM disks.").products.map((p) => p.name)).not.toContain(
      "Snapchat",
    );
    expect(recognizeProduct("Design Snapchat.").products.map((p) => p.name)).toContain("Snapchat");
    expect(vms.components.map((c) => c.id)).not.toContain("chat-service");
  });

  it("the coherence rule fires on a backup design that loses durability or draws a config rollout", () => {
    const broken = {
      ...servers,
      nfrs: { ...servers.nfrs, durability: "best-effort" },
      components: [...servers.components, { ...servers.components[0], id: "rollout", name: "Rollout controller" }],
    } as typeof servers;
    const details = shape(broken).map((p) => p.detail);
    expect(details.some((x) => /best-effort/.test(x))).toBe(true);
    expect(details.some((x) => /Rollout controller/.test(x))).toBe(true);
  });
});
