import { describe, expect, it } from "vitest";
import { buildProgram } from "../src/cli/program.js";
import {
  asksVersion,
  COMMANDS,
  type CommandSpec,
  type Opts,
  quickParse,
  VERSION,
  withJsonFlag,
} from "../src/cli/spec.js";

/** What commander hands each command for a command line, read from the same table. */
async function viaCommander(argv: string[]): Promise<{ name: string; args: readonly string[]; opts: Opts }> {
  let got: { name: string; args: readonly string[]; opts: Opts } | undefined;
  const capture: CommandSpec[] = COMMANDS.map((c) => ({
    ...c,
    run: (args, opts) => {
      got = { name: c.name, args, opts: { ...opts } };
    },
  }));
  await buildProgram(capture).parseAsync(["node", "mechsd", ...argv]);
  if (!got) throw new Error(`commander ran no command for ${argv.join(" ")}`);
  return got;
}

const PLAIN: string[][] = [
  ["classify", "Design a distributed message queue"],
  ["classify", "Design", "a", "rate", "limiter", "-f", "json"],
  ["classify", "--format=jsonl"],
  ["design", "Design a distributed lock service", "--format", "json"],
  ["design", "Design a cache", "--set", "delivery=exactly-once", "-s", "regions=3", "-o", "out.md"],
  ["design", "--format", "md", "Design a feed"],
  ["diagram", "Design Kafka", "--only", "hld", "--format=ascii"],
  ["script", "Design a timer service", "--short", "-m", "20", "--wpm", "150", "--weights", "1,1,1,1,1,1,1,1"],
  ["show", "I02", "-f", "md"],
  ["archetypes", "--format", "json"],
  ["serve", "--port", "0", "--allow-remote", "--allowed-host", "a.example", "--allowed-host", "b.example"],
  ["schema"],
  ["design", "-"],
];

const ODD: string[][] = [
  [],
  ["--version"],
  ["design", "--help"],
  ["design", "x", "--"],
  ["design", "x", "--format"],
  ["design", "x", "--nope"],
  ["design", "x", "-f", "-1"],
  ["design", "-fjson", "x"],
  ["script", "x", "--short=yes"],
  ["show"],
  ["show", "I01", "I02"],
  ["schema", "extra"],
  ["help", "design"],
  ["unknown"],
];

describe("the CLI's command table", () => {
  it("reads plain command lines exactly as commander does", async () => {
    for (const argv of PLAIN) {
      const quick = quickParse(argv, COMMANDS);
      expect(quick, argv.join(" ")).toBeDefined();
      expect({ name: quick?.command.name, args: quick?.args, opts: quick?.opts }, argv.join(" ")).toEqual(
        await viaCommander(argv),
      );
    }
  });

  it("answers the version alone as commander would, and leaves it to commander in any other form", async () => {
    let printed = "";
    const program = buildProgram(COMMANDS).configureOutput({ writeOut: (s) => (printed += s) });
    for (const flag of ["--version", "-V"]) {
      expect(asksVersion([flag]), flag).toBe(true);
      printed = "";
      await expect(program.parseAsync(["node", "mechsd", flag])).rejects.toThrow(VERSION);
      expect(printed).toBe(`${VERSION}\n`);
    }
    for (const argv of [[], ["--version", "x"], ["design", "--version"], ["--versions"], ["-v"]])
      expect(asksVersion(argv), argv.join(" ")).toBe(false);
  });

  it("leaves help, version, `--` and every unusual form to commander", () => {
    for (const argv of ODD) expect(quickParse(argv, COMMANDS), argv.join(" ")).toBeUndefined();
  });
});

describe("--json is short for --format json", () => {
  it("rewrites --json for a command whose formats include json, before a '--' only", () => {
    expect(withJsonFlag(["classify", "--json", "Design a lock"], COMMANDS)).toEqual([
      "classify",
      "--format",
      "json",
      "Design a lock",
    ]);
    expect(withJsonFlag(["design", "x", "--", "--json"], COMMANDS)).toEqual(["design", "x", "--", "--json"]);
    // diagram draws mermaid, svg or ascii: no json there, so commander reports the flag as unknown
    expect(withJsonFlag(["diagram", "--json", "x"], COMMANDS)).toEqual(["diagram", "--json", "x"]);
    expect(withJsonFlag(["classify", "--json", "x"], COMMANDS)).toEqual(expect.arrayContaining(["--format", "json"]));
  });
  it("says so in each such command's help", () => {
    const classify = COMMANDS.find((c) => c.name === "classify");
    expect(classify?.options.find((o) => o.flags.includes("--format"))?.description).toContain("--json");
  });
});
