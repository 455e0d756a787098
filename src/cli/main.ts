import { Command, CommanderError } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { ARCHETYPE_IDS } from "../knowledge/generated/ids.js";
import { UserError } from "./errors.js";

const program = new Command();
program
  .name("mechsd")
  .description("Mechanical infrastructure system design: a prompt in, a complete explained design out.")
  .version(pkg.version, "-V, --version", "print the version")
  .helpOption("-h, --help", "show help")
  .showHelpAfterError("(run 'mechsd --help' for usage)")
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command("archetypes")
  .description(`list the ${ARCHETYPE_IDS.length} infrastructure archetypes (id, name, signals, silhouette)`)
  .option("-f, --format <format>", "text | md | json (json prints every entry in full)", "text")
  .action(async (opts: { format?: string }) => (await import("./commands/archetypes.js")).runArchetypes(opts));

program
  .command("show")
  .description("show one archetype as a study card; accepts I5, i05, I05 or words from its name")
  .argument("<archetype>", 'id or name, e.g. I02 or "append log"')
  .option("-f, --format <format>", "text | md | json", "text")
  .action(async (query: string, opts: { format?: string }) =>
    (await import("./commands/show.js")).runShow(query, opts),
  );

program
  .command("classify")
  .description("recognise a prompt: infra/product/mixed branch, dominant and supporting archetypes, with evidence")
  .argument("[prompt...]", "the design prompt (quote it)")
  .option("-f, --format <format>", "text | md | json | jsonl (jsonl reads one prompt per line from stdin)", "text")
  .action(async (words: string[], opts: { format?: string }) =>
    (await import("./commands/classify.js")).runClassify(words, opts),
  );

program
  .command("design")
  .description("derive the complete, explained design for a prompt, in the framework's fixed order")
  .argument("[prompt...]", "the design prompt (quote it)")
  .option("-f, --format <format>", "text | md | json | jsonl (jsonl reads one prompt per line from stdin)", "text")
  .option(
    "-s, --set <field=value>",
    "override a field (repeatable): dominant=I02, archetype.I08=decorator|off, branch=infra, delivery=exactly-once, consistency=eventual, availability=fail-closed, ordering=per-key, durability=durable, regions=3, scale.leases=200000, predicate.exclusivity-matters=false",
    (v: string, prev: string[] = []) => [...prev, v],
  )
  .option("-o, --output <file>", "write the text or Markdown document to a file")
  .action(async (words: string[], opts: { format?: string; set?: string[]; output?: string }) =>
    (await import("./commands/design.js")).runDesign(words, opts),
  );

program
  .command("diagram")
  .description("the design's diagrams (HLD flowchart, sequence per critical protocol) as Mermaid, SVG or ASCII")
  .argument("[prompt...]", "the design prompt (quote it)")
  .option("-f, --format <format>", "mermaid | svg | ascii", "mermaid")
  .option("--only <which>", "hld, sequence, or the number of one diagram")
  .option(
    "-s, --set <field=value>",
    "override a field (repeatable), as for design",
    (v: string, prev: string[] = []) => [...prev, v],
  )
  .action(async (words: string[], opts: { format?: string; set?: string[]; only?: string }) =>
    (await import("./commands/diagram.js")).runDiagram(words, opts),
  );

program
  .command("script")
  .description("the eight-step spoken presentation for a prompt, written from its design")
  .argument("[prompt...]", "the design prompt (quote it)")
  .option("-f, --format <format>", "text | md | json", "text")
  .option(
    "-m, --minutes <minutes>",
    "length of the round; each step gets a weighted share (default 45, 20 with --short)",
  )
  .option("--short", "the short version for a 20-minute round: invariants, mechanisms and the first failure")
  .option("--wpm <words>", "speaking rate in words a minute (default 140)")
  .option("--weights <w1,…,w8>", "relative time for each of the eight steps (default 8,8,10,10,8,24,10,22)")
  .option(
    "-s, --set <field=value>",
    "override a field (repeatable), as for design",
    (v: string, prev: string[] = []) => [...prev, v],
  )
  .action(async (words: string[], opts: import("./commands/script.js").ScriptCliOptions) =>
    (await import("./commands/script.js")).runScript(words, opts),
  );

program
  .command("serve")
  .description("start the local workbench (web UI + API) on an embedded SQLite store")
  .option("-p, --port <port>", "port to listen on", "4477")
  .option("--db <file>", "SQLite file for sessions (default: $MECHSD_DB or ~/.local/share/mechsd/workbench.sqlite)")
  .option("--host <host>", "interface to bind (loopback unless --allow-remote)", "127.0.0.1")
  .option("--allow-remote", "allow a non-loopback --host")
  .option(
    "--allowed-host <name>",
    "another name the browser may use to reach the server (repeatable), e.g. a DNS name of this machine",
    (v: string, prev: string[] = []) => [...prev, v],
  )
  .action(async (opts: { port?: string; db?: string; host?: string; allowRemote?: boolean; allowedHost?: string[] }) =>
    (await import("./commands/serve.js")).runServe(opts),
  );

program
  .command("schema")
  .description("print the JSON Schema of the Design object that design --format json and the server hand out")
  .action(async () => (await import("./commands/schema.js")).runSchema());

async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    // A batch command sets exitCode 1 when some lines were rejected but the rest were answered.
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help")
        return 0;
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UserError) {
      process.stderr.write(`mechsd: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    process.stderr.write(`mechsd: internal error: ${e?.message ?? String(err)}\n`);
    if (process.env.MECHSD_DEBUG) process.stderr.write(`${e?.stack ?? ""}\n`);
    return 1;
  }
}

process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
});
void main(process.argv).then((code) => {
  process.exitCode = code;
});
