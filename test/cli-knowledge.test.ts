import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

describe("mechsd archetypes / show", () => {
  it("prints version and help", () => {
    const v = cli(["--version"]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = cli(["--help"]);
    expect(h.code).toBe(0);
    for (const cmd of ["archetypes", "show", "classify"]) expect(h.stdout).toContain(cmd);
  });

  it("lists all 19 archetypes as a table and as full JSON", () => {
    const t = cli(["archetypes"]);
    expect(t.code).toBe(0);
    for (let i = 1; i <= 19; i++) expect(t.stdout).toContain(`I${String(i).padStart(2, "0")}`);
    const j = cli(["archetypes", "--format", "json"]);
    const all = JSON.parse(j.stdout) as { id: string; failures: unknown[]; technologies: unknown[] }[];
    expect(all).toHaveLength(19);
    expect(all.every((a) => a.failures.length >= 4 && a.technologies.length >= 2)).toBe(true);
  });

  it("accepts I5, i05, I05 and name words for the same archetype", () => {
    const ids = ["I5", "i05", "I05", "append log"].map(
      (q) => JSON.parse(cli(["show", q, "--format", "json"]).stdout).id,
    );
    expect(ids).toEqual(["I05", "I05", "I05", "I05"]);
  });

  it("renders a study card in text and markdown", () => {
    const t = cli(["show", "I02"]);
    expect(t.code).toBe(0);
    for (const section of ["HARD INVARIANTS", "FAILURE MODES", "SCALING BOTTLENECKS", "PROTOCOLS", "CONNECTIONS"]) {
      expect(t.stdout).toContain(section);
    }
    expect(t.stdout).not.toContain("\u001b[");
    const md = cli(["show", "I02", "--format", "md"]);
    expect(md.stdout).toMatch(/^# I02 /);
    expect(md.stdout).toContain("## Hard invariants");
  });

  it("suggests close matches for an unknown id and exits non-zero", () => {
    const r = cli(["show", "I99"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no archetype matches 'I99'/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    const typo = cli(["show", "apend lgo"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("I05");
  });

  it("rejects an unknown format and an unknown command clearly", () => {
    const f = cli(["archetypes", "--format", "yaml"]);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/unknown format 'yaml'/);
    const c = cli(["frobnicate"]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/unknown command/);
  });
});
