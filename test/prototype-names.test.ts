import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { classify } from "../src/engine/recognize/index.js";
import { createApp } from "../src/server/app.js";
import { cli } from "./helpers.js";

/** Every name Object.prototype answers to, plus the accessors a plain-object table can fall through to. */
const BIN = fileURLToPath(new URL("../bin/mechsd", import.meta.url));

const NAMES = [
  ...Object.getOwnPropertyNames(Object.prototype),
  "__proto__",
  "prototype",
  "toJSON",
  "then",
  "length",
  "name",
];

const PROMPTS = NAMES.flatMap((n) => [n, `Design a website ${n}`, `Design a ${n} cache with ${n} keys`]);

describe("Object.prototype names in user text", () => {
  it("classify and design never throw and stay deterministic", () => {
    for (const p of PROMPTS) {
      const a = JSON.stringify(classify(p));
      expect(JSON.stringify(classify(p)), p).toBe(a);
      const d = design(p);
      expect(d.prompt).toBe(p);
      expect(JSON.stringify(design(p)), p).toBe(JSON.stringify(d));
    }
  });

  it("holds for any sentence mixing those names with ordinary words", () => {
    const word = fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom("design", "a", "queue", "lock", "cache", "per"));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
        const p = `Design ${words.join(" ")}`;
        expect(() => design(p)).not.toThrow();
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("as override keys and values they are clear errors, not crashes", () => {
    for (const n of NAMES) {
      for (const o of [`${n}=1`, `scale.${n}=5`, `predicate.${n}=true`, `archetype.${n}=input`, `delivery=${n}`]) {
        expect(() => design("Design a cache", [o]), o).toThrow(/override|unknown|valid|takes|value|quantity/i);
      }
    }
  });

  it("the CLI designs them in one run and in a jsonl batch", () => {
    const one = cli(["design", "Design a website constructor", "--format", "json"]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).prompt).toBe("Design a website constructor");
    const batch = spawnSync(process.execPath, [BIN, "design", "--format", "jsonl"], {
      input: `${PROMPTS.join("\n")}\n`,
      encoding: "utf8",
      maxBuffer: 2 ** 30,
    });
    expect(batch.stderr).toBe("");
    expect(batch.status).toBe(0);
    expect(batch.stdout.trim().split("\n")).toHaveLength(PROMPTS.length);
  });

  it("the API designs them and saves and exports sessions that hold them", async () => {
    const { openDb } = await import("../src/store/db.js");
    const { SessionStore } = await import("../src/store/sessions.js");
    const store = new SessionStore(openDb(":memory:"));
    const app = createApp({ store, files: new Map(), reach: { names: new Set(["127.0.0.1"]), port: 1 } });
    const post = (path: string, body: unknown) =>
      app.request(`http://127.0.0.1:1${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", host: "127.0.0.1:1", origin: "http://127.0.0.1:1" },
        body: JSON.stringify(body),
      });
    for (const n of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
      const prompt = `Design a website ${n}`;
      const d = await post("/api/design", { prompt });
      expect(d.status, n).toBe(200);
      expect(((await d.json()) as { prompt: string }).prompt).toBe(prompt);
      const s = await post("/api/sessions", { prompt, name: n });
      expect(s.status, n).toBeLessThan(300);
      const { id } = (await s.json()) as { id: string };
      const md = await app.request(`http://127.0.0.1:1/api/sessions/${id}/export?format=md`, {
        headers: { host: "127.0.0.1:1" },
      });
      expect(md.status, n).toBe(200);
      expect((await md.text()).replaceAll("\\", "")).toContain(prompt);
    }
  });
});
