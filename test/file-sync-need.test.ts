import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/** A file sync service asked for by its need in words, where the head names no kind of system. */
describe("a user's files kept the same on all their devices draws the file-sync feature", () => {
  const NEED = [
    "Design a service that keeps a user's files in sync on all their devices.",
    "Design a system that keeps people's documents and photos synchronised across their laptop, phone and tablet for 50 million users.",
    "Build a backend so that every file a user saves on one device shows up on all of their other devices.",
  ];
  const OTHER = [
    "Design a service that keeps each user's calendar and contacts in sync on all their devices.",
    "Design a system that keeps configuration files in sync across 10,000 servers.",
    "Design a database replication system that keeps replicas in sync across 3 regions.",
    "Design a platform that pushes firmware files to all devices in a fleet of 2 million sensors.",
  ];

  it.each(NEED)("%s", (p) => {
    const d = design(p);
    const row = d.features.find((f) => f.id === "file-sync");
    expect(row).toBeDefined();
    // the evidence quotes the prompt's words of the need
    expect(row?.evidence.join(" ")).toMatch(/states the need of a file sync service/);
    expect(d.archetypes.some((a) => a.id === "I19")).toBe(true);
  });

  it.each(OTHER)("draws no file sync for another kind of sync: %s", (p) => {
    expect(design(p).features.map((f) => f.id)).not.toContain("file-sync");
  });

  it("keeps the head's kind and named products as before", () => {
    expect(design("Design Dropbox.").features.map((f) => f.id)).toContain("file-sync");
    const named = design("Design a file sync service for 10 million users.").features.find((f) => f.id === "file-sync");
    expect(named?.evidence.join(" ")).toMatch(/in the head names a file sync service/);
  });
});
