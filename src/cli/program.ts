import { Command } from "commander";
import { type CommandSpec, VERSION, VERSION_FLAGS } from "./spec.js";

/** The commander program for the command table: help, version, errors and every form of the options. */
export function buildProgram(commands: readonly CommandSpec[]): Command {
  const program = new Command();
  program
    .name("mechsd")
    .description("Mechanical infrastructure system design: a prompt in, a complete explained design out.")
    .version(VERSION, VERSION_FLAGS.join(", "), "print the version")
    .helpOption("-h, --help", "show help")
    .showHelpAfterError("(run 'mechsd --help' for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const spec of commands) {
    const c = program.command(spec.name).description(spec.description);
    const a = spec.argument;
    if (a) c.argument(a.kind === "rest" ? `[${a.name}...]` : `<${a.name}>`, a.description);
    for (const o of spec.options) {
      if (o.repeatable) c.option(o.flags, o.description, (v: string, prev: string[] = []) => [...prev, v]);
      else if (o.default !== undefined) c.option(o.flags, o.description, o.default);
      else c.option(o.flags, o.description);
    }
    c.action((...received: unknown[]) => {
      const opts = received[a ? 1 : 0] as Record<string, string | string[] | boolean | undefined>;
      const args = !a ? [] : a.kind === "rest" ? (received[0] as string[]) : [received[0] as string];
      return spec.run(args, opts);
    });
  }
  return program;
}
