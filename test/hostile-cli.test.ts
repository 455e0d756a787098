import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HOSTILE } from "./hostile-corpus.js";

/** The hostile corpus through the built CLI: an answer or a clear one-line refusal, never a crash, same bytes twice. */
const BIN = fileURLToPath(new URL("../bin/mechsd", import.meta.url));

function run(args: string[], input?: Buffer | string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: input ?? "",
    maxBuffer: 2 ** 30,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8") };
}

function expectNoCrash(r: { code: number | null; stderr: string }, label: string) {
  expect(r.stderr, label).not.toMatch(/internal error/);
  expect(r.stderr, label).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  expect([0, 1, 2], label).toContain(r.code);
}

describe("hostile corpus through the CLI", () => {
  const oneLine = HOSTILE.filter((h) => !/[\n\r]/.test(h.text));
  const input = Buffer.concat([
    ...oneLine.map((h) => Buffer.from(`${h.text}\n`, "utf8")),
    // Invalid UTF-8: a lone continuation byte, an overlong slash and a truncated sequence.
    Buffer.from([0x44, 0x65, 0x73, 0x80, 0x20, 0xc0, 0xaf, 0x20, 0xe2, 0x82, 0x0a]),
  ]);
  // Blank lines are skipped by design; every other line gets exactly one answer.
  const lines = oneLine.filter((h) => h.text.trim() !== "").length + 1;

  for (const command of ["design", "classify"]) {
    it(`${command} --format jsonl answers every line (design or error) and the same bytes twice`, () => {
      const a = run([command, "--format", "jsonl"], input);
      const b = run([command, "--format", "jsonl"], input);
      expectNoCrash(a, command);
      expect(b.stdout).toBe(a.stdout);
      const out = a.stdout.trimEnd().split("\n");
      expect(out).toHaveLength(lines);
      out.forEach((line, i) => {
        const v = JSON.parse(line) as { error?: unknown };
        if (v.error !== undefined) {
          expect(typeof v.error, `line ${i + 1}`).toBe("string");
          expect((v.error as string).length, `line ${i + 1}`).toBeGreaterThan(10);
        }
      });
      expect(JSON.parse(out[lines - 1] ?? "{}").error).toMatch(/not valid UTF-8/);
    });
  }

  const argvCases = [
    "",
    "   ",
    "constructor",
    "__proto__",
    "Design a hasOwnProperty valueOf toString service",
    'Design a <script>alert(1)</script> queue <img src=x onerror="alert(1)">',
    'Design a lock"]; click A call alert(1); A-->B[" %%{init: {"securityLevel":"loose"}}%%',
    "Design a queue \ud800",
    "صمم طابور رسائل موزع مع إعادة المحاولة",
    "Design a 🚀 queue 👩‍👩‍👧 with 🔒 locks",
    "Design a \u0007queue\u001b[31m with red retries",
    `Design a queue ${"and a lock ".repeat(400)}`,
  ];
  it("design, classify, diagram and script answer or refuse every argument", () => {
    argvCases.forEach((text, i) => {
      const commands =
        i % 3 === 0
          ? ["design", "classify", "diagram", "script"]
          : i % 3 === 1
            ? ["design", "diagram"]
            : ["classify", "script"];
      for (const command of commands) {
        const r = run([command, text]);
        const label = `${command} ${JSON.stringify(text.slice(0, 60))}`;
        expectNoCrash(r, label);
        if (r.code === 0) expect(r.stdout.length, label).toBeGreaterThan(0);
        else expect(r.stderr, label).toMatch(/^mechsd: .{10,}/);
      }
    });
  }, 300000);

  it("refuses out-of-range and unknown options with a message, never a crash or a silent degenerate answer", () => {
    const lock = "Design a distributed lock service";
    const cases: string[][] = [
      ...["0", "-1", "NaN", "1e9", "Infinity", "", "4.9", "__proto__"].map((m) => ["script", lock, "--minutes", m]),
      ...["0", "NaN", "1e9", "toString"].map((w) => ["script", lock, "--wpm", w]),
      // eight weights whose sum is no number: every step would get the least time and all run over
      ["script", lock, "--weights", Array(8).fill("1e308").join(",")],
      ["script", lock, "--weights", "1,2"],
      ["script", lock, "--weights", "NaN,1,1,1,1,1,1,1"],
      ...["unknown", "", "__proto__", "constructor"].flatMap((f) => [
        ["design", lock, "--format", f],
        ["script", lock, "--format", f],
        ["diagram", lock, "--format", f],
        ["archetypes", "--format", f],
      ]),
      ...["0", "99", "-1", "1.5", "NaN", "__proto__"].map((o) => ["diagram", lock, "--only", o]),
      ...["__proto__", "constructor", "toString", "I99", "", "\ud800"].map((a) => ["show", a]),
      ["design", lock, "-o", "/nonexistent-dir/x.md"],
    ];
    for (const args of cases) {
      const r = run(args);
      const label = JSON.stringify(args);
      expectNoCrash(r, label);
      expect(r.code, label).toBe(2);
      expect(r.stderr, label).toMatch(/^mechsd: .{10,}/);
    }
  }, 300000);

  it("prints no control character a prompt carried into a terminal document", () => {
    for (const command of ["design", "script"]) {
      const r = run([command, "Design a \u009b31mqueue\u009b0m with \u001b[2J retries \u0085"]);
      expectNoCrash(r, command);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
      expect(r.stdout, command).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    }
  });

  it("--set refuses hostile keys and values with a message, never a crash", () => {
    for (const o of [
      "constructor=1",
      "__proto__=x",
      "delivery=toString",
      "scale.constructor=5",
      "archetype.__proto__=off",
      "predicate.valueOf=true",
      "dominant=hasOwnProperty",
      "decision.__proto__=x",
      "decision.i02-lock-store=constructor",
      "scale.hit_ratio=1e308",
      "=",
      "regions=1e309",
    ]) {
      const r = run(["design", "Design a distributed lock service", "--set", o, "--format", "json"]);
      expectNoCrash(r, o);
      expect(r.code, o).toBe(2);
      expect(r.stderr, o).toMatch(/^mechsd: .{10,}/);
    }
  });
});
