import { describe, expect, it } from "vitest";
import { cli } from "./helpers.js";

describe("mechsd classify", () => {
  it("prints branch, ranked archetypes and evidence", () => {
    const r = cli(["classify", "Design a distributed message queue"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/BRANCH: INFRA/);
    expect(r.stdout).toContain("I05");
    const j = JSON.parse(cli(["classify", "Design Kafka", "--format", "json"]).stdout);
    expect(j.branch.kind).toBe("infra");
    expect(j.archetypes[0].id).toBe("I05");
  });

  it("reads prompts one per line with --format jsonl and answers in order", () => {
    const r = cli(["classify", "--format", "jsonl"], "Design Kafka\n\nDesign Twitter\nDesign etcd\n");
    expect(r.code).toBe(0);
    const rows = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => x.prompt)).toEqual(["Design Kafka", "Design Twitter", "Design etcd"]);
    expect(rows.map((x) => x.branch.kind)).toEqual(["infra", "product", "infra"]);
  });

  it("rejects empty, oversized and binary input with a clear message", () => {
    const empty = cli(["classify", ""]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/empty/);
    const huge = cli(["classify", "queue ".repeat(1000)]);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/limit is 4000/);
    // A batch line that is not text is that line's error (exit 1, the batch rule); the lines after it still run.
    const bin = cli(["classify", "--format", "jsonl"], Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a]));
    expect(bin.code).toBe(1);
    expect(bin.stderr).toMatch(/line 1: .*UTF-8/);
    expect(JSON.parse(bin.stdout)).toEqual({ line: 1, error: expect.stringMatching(/UTF-8/) });
    for (const r of [empty, huge, bin]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("mechsd design / script / diagram", () => {
  it("prints a design in the fixed order and as JSON with the contract fields", () => {
    const t = cli(["design", "Design a distributed lock service"]);
    expect(t.code).toBe(0);
    const order = [
      "BRANCH AND ARCHETYPES",
      "PRIMARY STATE",
      "HARD INVARIANTS",
      "EXECUTION CONTEXT",
      "PREDICATES AND MECHANISMS",
      "SERVING PATHS",
      "CHECKLIST",
    ];
    const pos = order.map((h) => t.stdout.indexOf(h));
    expect(pos.every((p) => p >= 0)).toBe(true);
    expect([...pos].sort((a, b) => a - b)).toEqual(pos);
    const d = JSON.parse(cli(["design", "Design a distributed lock service", "--format", "json"]).stdout);
    for (const k of [
      "schemaVersion",
      "prompt",
      "branch",
      "archetypes",
      "nfrs",
      "operations",
      "primaryState",
      "invariants",
      "context",
      "predicates",
      "mechanisms",
      "readPaths",
      "failures",
      "bottlenecks",
      "technology",
      "checklist",
      "script",
      "diagrams",
      "trace",
    ]) {
      expect(d, k).toHaveProperty(k);
    }
  });

  it("applies --set overrides and rejects unknown ones with the valid list", () => {
    const d = JSON.parse(
      cli([
        "design",
        "Design a message queue",
        "--format",
        "json",
        "--set",
        "dominant=I02",
        "--set",
        "delivery=exactly-once",
      ]).stdout,
    );
    expect(d.archetypes[0].id).toBe("I02");
    expect(d.nfrs.delivery).toBe("exactly-once");
    const bad = cli(["design", "Design a message queue", "--set", "speed=fast"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown override field 'speed'/);
  });

  it("answers good lines and flags bad ones in a jsonl batch, exiting 1", () => {
    const r = cli(["design", "--format", "jsonl"], "Design Kafka\n\u0001\u0002\u0003\nDesign etcd\n");
    expect(r.code).toBe(1);
    const rows = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((x) => x.prompt ?? `error on line ${x.line}`)).toEqual([
      "Design Kafka",
      "error on line 2",
      "Design etcd",
    ]);
    expect(r.stderr).toMatch(/line 2: the prompt/);
  });

  it("writes one design per stdin line in jsonl", () => {
    const r = cli(["design", "--format", "jsonl"], "Design Kafka\nDesign a rate limiter\n");
    const rows = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(2);
    expect(rows[1].prompt).toBe("Design a rate limiter");
  });

  it("prints the spoken script, with a time budget on request", () => {
    const r = cli(["script", "Design a distributed lock service", "--minutes", "45"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1\. Normalise \(\d+(\.5)? min\)/);
    expect(r.stdout).toMatch(/fencing/i);
  });

  it("renders diagrams as mermaid, ascii and svg without a browser", () => {
    const m = cli(["diagram", "Design a distributed lock service"]);
    expect(m.stdout).toMatch(/flowchart LR/);
    expect(m.stdout).toMatch(/sequenceDiagram/);
    const a = cli(["diagram", "Design a distributed lock service", "--format", "ascii", "--only", "hld"]);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(100);
    // Every diagram fits a 100-column terminal and prints no Mermaid escapes.
    const all = cli(["diagram", 'Design a lock service whose guard is "a < b" and c > d', "--format", "ascii"]);
    expect(all.code).toBe(0);
    for (const line of all.stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(100);
    expect(all.stdout).not.toMatch(/#(?:[a-z]+|\d+);/i);
    expect(all.stdout).toMatch(/^ +\d+\. /m);
    const s = cli(["diagram", "Design a distributed lock service", "--format", "svg", "--only", "1"]);
    expect(s.stdout).toMatch(/<svg/);
  });

  it("escapes HTML in the prompt in Markdown output", () => {
    const r = cli(["design", "Design a queue <img src=x onerror=alert(1)>", "--format", "md"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("<img");
    expect(r.stdout).toContain("&lt;img");
  });
});
