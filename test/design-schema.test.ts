/**
 * The Design schema (src/engine/design/schema.ts): its inferred type and the engine's Design type agree
 * (checked by tsc below), every corpus design validates against it, and `mechsd schema` prints its JSON Schema.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { type Design, design as engineDesign } from "../src/engine/design/design.js";
import { DesignSchema, type DesignShape } from "../src/engine/design/schema.js";
import { design } from "../src/lib/index.js";
import { designJsonSchema, ScriptedDesignSchema } from "../src/render/design-schema.js";
import type { ScriptedDesign } from "../src/render/script/types.js";
import { cli } from "./helpers.js";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Type-level agreement: the schema names exactly the Design's fields, and every Design the engine can build is a
// value of the schema's type (and the other way round). A field added to one and not the other fails `tsc`.
const sameFields: Equals<keyof Design, keyof DesignShape> = true;
const designFits: Design extends DesignShape ? true : false = true;
const shapeFits: DesignShape extends Design ? true : false = true;
const scriptedFits: ScriptedDesign extends z.infer<typeof ScriptedDesignSchema> ? true : false = true;

const CORPUS = readFileSync(new URL("./fixtures/corpus.txt", import.meta.url), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l.length > 0 && !l.startsWith("#"));

describe("the Design schema", () => {
  it("agrees with the Design type", () => {
    expect([sameFields, designFits, shapeFits, scriptedFits]).toEqual([true, true, true, true]);
  });

  it("accepts every design of the corpus as the library hands it out (script attached) and as the engine derives it", () => {
    const bad: string[] = [];
    const problems = (p: string, r: { success: boolean; error?: z.ZodError }) =>
      r.success ? [] : [`${p}: ${r.error?.issues.slice(0, 3).map((i) => `${i.path.join(".")} ${i.message}`)}`];
    for (const p of CORPUS) {
      const d = design(p);
      expect(d.script?.length ?? 0).toBeGreaterThan(0);
      bad.push(...problems(p, ScriptedDesignSchema.safeParse(d)));
      bad.push(...problems(p, DesignSchema.safeParse(engineDesign(p))));
    }
    expect(bad).toEqual([]);
  });

  it("refuses a design with a field it does not know or a field missing", () => {
    const d = engineDesign("Design a rate limiter.");
    expect(DesignSchema.safeParse({ ...d, extra: 1 }).success).toBe(false);
    const { capacity: _drop, ...rest } = d;
    expect(DesignSchema.safeParse(rest).success).toBe(false);
  });

  it("is shipped as JSON Schema by `mechsd schema`", () => {
    const r = cli(["schema"]);
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(printed).toEqual(designJsonSchema());
    expect(printed.$schema).toMatch(/2020-12/);
    const props = printed.properties as Record<string, unknown>;
    for (const k of ["features", "components", "links", "api", "dataModel", "capacity", "decisions", "script"])
      expect(Object.keys(props)).toContain(k);
  });
});
