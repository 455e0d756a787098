import pkg from "../../package.json" with { type: "json" };
import { ARCHETYPE_IDS } from "../knowledge/generated/ids.js";

/** The version, and the flags that print it: commander registers them (program.ts) for every form. */
export const VERSION = pkg.version;
export const VERSION_FLAGS = ["-V", "--version"] as const;

/** `mechsd --version` alone, answered without loading commander (which also loads child processes and streams). */
export const asksVersion = (argv: readonly string[]): boolean =>
  argv.length === 1 && (VERSION_FLAGS as readonly string[]).includes(argv[0] as string);

/**
 * The CLI's commands as data: commander builds its program from this table (program.ts), and the
 * common plain invocations are read from it directly (quickParse), so a run of `classify` or `design`
 * does not load commander. One table, so both readings agree (test/cli-parse.test.ts checks).
 */
export interface OptionSpec {
  /** Commander's flags text: "-f, --format <format>", "--short". */
  flags: string;
  description: string;
  default?: string;
  /** Repeatable: each use adds its value to a list. */
  repeatable?: boolean;
}

export type Opts = Record<string, string | string[] | boolean | undefined>;

export interface CommandSpec {
  name: string;
  description: string;
  /** The positional argument: none, one required value, or the rest of the words. */
  argument?: { name: string; description: string; kind: "one" | "rest" };
  options: readonly OptionSpec[];
  run: (args: readonly string[], opts: Opts) => Promise<void> | void;
}

const FORMAT = (list: string, note = "") => ({
  flags: "-f, --format <format>",
  description: `${list}${note}${/\bjson\b/.test(list) ? "; --json is short for --format json" : ""}`,
  default: list.split(" | ")[0] as string,
});
const PROMPT = {
  name: "prompt",
  description: "the design prompt (quote it), or - to read it from standard input",
  kind: "rest",
} as const;
const SET = (description: string): OptionSpec => ({ flags: "-s, --set <field=value>", description, repeatable: true });
const words = (args: readonly string[]) => [...args];

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "archetypes",
    description: `list the ${ARCHETYPE_IDS.length} infrastructure archetypes (id, name, signals, silhouette)`,
    options: [FORMAT("text | md | json", " (json prints every entry in full)")],
    run: async (_args, opts) => (await import("./commands/archetypes.js")).runArchetypes(opts as { format?: string }),
  },
  {
    name: "show",
    description: "show one archetype as a study card; accepts I5, i05, I05 or words from its name",
    argument: { name: "archetype", description: 'id or name, e.g. I02 or "append log"', kind: "one" },
    options: [FORMAT("text | md | json")],
    run: async (args, opts) =>
      (await import("./commands/show.js")).runShow(args[0] as string, opts as { format?: string }),
  },
  {
    name: "classify",
    description: "recognise a prompt: infra/product/mixed branch, dominant and supporting archetypes, with evidence",
    argument: PROMPT,
    options: [FORMAT("text | md | json | jsonl", " (jsonl reads one prompt per line from stdin)")],
    run: async (args, opts) =>
      (await import("./commands/classify.js")).runClassify(words(args), opts as { format?: string }),
  },
  {
    name: "design",
    description: "derive the complete, explained design for a prompt, in the framework's fixed order",
    argument: PROMPT,
    options: [
      FORMAT("text | md | json | jsonl", " (jsonl reads one prompt per line from stdin)"),
      SET(
        "override a field (repeatable): dominant=I02, archetype.I08=decorator|off, branch=infra, delivery=exactly-once, consistency=eventual, availability=fail-closed, ordering=per-key, durability=durable, regions=3, scale.leases=200000, predicate.exclusivity-matters=false",
      ),
      { flags: "-o, --output <file>", description: "write the text or Markdown document to a file" },
    ],
    run: async (args, opts) => (await import("./commands/design.js")).runDesign(words(args), opts),
  },
  {
    name: "diagram",
    description: "the design's diagrams (HLD flowchart, sequence per critical protocol) as Mermaid, SVG or ASCII",
    argument: PROMPT,
    options: [
      FORMAT("mermaid | svg | ascii"),
      { flags: "--only <which>", description: "hld, sequence, or the number of one diagram" },
      SET("override a field (repeatable), as for design"),
    ],
    run: async (args, opts) => (await import("./commands/diagram.js")).runDiagram(words(args), opts),
  },
  {
    name: "script",
    description: "the eight-step spoken presentation for a prompt, written from its design",
    argument: PROMPT,
    options: [
      FORMAT("text | md | json"),
      {
        flags: "-m, --minutes <minutes>",
        description: "length of the round; each step gets a weighted share (default 45, 20 with --short)",
      },
      {
        flags: "--short",
        description: "the short version for a 20-minute round: invariants, mechanisms and the first failure",
      },
      { flags: "--wpm <words>", description: "speaking rate in words a minute (default 140)" },
      {
        flags: "--weights <w1,…,w8>",
        description: "relative time for each of the eight steps (default 8,8,10,10,8,24,10,22)",
      },
      SET("override a field (repeatable), as for design"),
    ],
    run: async (args, opts) => (await import("./commands/script.js")).runScript(words(args), opts),
  },
  {
    name: "serve",
    description: "start the local workbench (web UI + API) on an embedded SQLite store",
    options: [
      { flags: "-p, --port <port>", description: "port to listen on", default: "4477" },
      {
        flags: "--db <file>",
        description: "SQLite file for sessions (default: $MECHSD_DB or ~/.local/share/mechsd/workbench.sqlite)",
      },
      {
        flags: "--host <host>",
        description: "interface to bind (loopback unless --allow-remote)",
        default: "127.0.0.1",
      },
      { flags: "--allow-remote", description: "allow a non-loopback --host" },
      {
        flags: "--allowed-host <name>",
        description:
          "another name the browser may use to reach the server (repeatable), e.g. a DNS name of this machine",
        repeatable: true,
      },
    ],
    run: async (_args, opts) => (await import("./commands/serve.js")).runServe(opts),
  },
  {
    name: "schema",
    description: "print the JSON Schema of the Design object that design --format json and the server hand out",
    options: [],
    run: async () => (await import("./commands/schema.js")).runSchema(),
  },
];

interface Flag {
  short?: string;
  long: string;
  /** The key in the options object ("allow-remote" → allowRemote). */
  key: string;
  takesValue: boolean;
}

/** Reads commander's flags text the way commander does for the forms the table uses. */
export function readFlags(flags: string): Flag {
  const m = /^(?:-([A-Za-z]), )?--([a-z][a-z-]*)(?: <[^>]+>)?$/.exec(flags);
  if (!m?.[2]) throw new Error(`option flags '${flags}' are not in a form the CLI table supports`);
  return {
    ...(m[1] ? { short: m[1] } : {}),
    long: m[2],
    key: m[2].replace(/-([a-z])/g, (_s, c: string) => c.toUpperCase()),
    takesValue: flags.endsWith(">"),
  };
}

/**
 * The command, its positional words and options for a plain invocation: only known options, each
 * value given, the right number of words. Anything else (help, version, `--`, an unknown or
 * incomplete option, a word starting with "-") returns undefined, and commander reads it, with its
 * messages and help.
 */
export function quickParse(
  argv: readonly string[],
  commands: readonly CommandSpec[],
): { command: CommandSpec; args: string[]; opts: Opts } | undefined {
  const command = commands.find((c) => c.name === argv[0]);
  if (!command) return undefined;
  const flags = command.options.map((o) => ({ spec: o, ...readFlags(o.flags) }));
  const opts: Opts = {};
  for (const f of flags) if (f.spec.default !== undefined) opts[f.key] = f.spec.default;
  const args: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i] as string;
    if (!token.startsWith("-") || token === "-") {
      args.push(token);
      continue;
    }
    const eq = token.startsWith("--") ? token.indexOf("=") : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    const f = flags.find((x) => name === `--${x.long}` || (x.short !== undefined && name === `-${x.short}`));
    if (!f) return undefined;
    if (!f.takesValue) {
      if (eq > 0) return undefined;
      opts[f.key] = true;
      continue;
    }
    let value: string;
    if (eq > 0) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("-")) return undefined;
      value = next;
      i++;
    }
    const prev = opts[f.key];
    opts[f.key] = f.spec.repeatable ? [...(Array.isArray(prev) ? prev : []), value] : value;
  }
  const kind = command.argument?.kind;
  if (kind === undefined && args.length > 0) return undefined;
  if (kind === "one" && args.length !== 1) return undefined;
  return { command, args, opts };
}

/**
 * `--json`, the ecosystem's usual flag, read as `--format json` for a command whose format list has json (before a
 * `--` that ends the options); the words are left as they are for any other command, whose parser then says the
 * flag is unknown.
 */
export function withJsonFlag(argv: readonly string[], commands: readonly CommandSpec[]): string[] {
  const command = commands.find((c) => c.name === argv[0]);
  const format = command?.options.find((o) => o.flags.includes("--format"));
  if (!format || !/\bjson\b/.test(format.description.split(";")[0] ?? "")) return [...argv];
  const end = argv.indexOf("--");
  return argv.flatMap((w, i) => (w === "--json" && (end < 0 || i < end) ? ["--format", "json"] : [w]));
}
