import { UserError } from "./errors.js";
import { writeOut } from "./output.js";
import { asksVersion, COMMANDS, quickParse, VERSION, withJsonFlag } from "./spec.js";

/** Runs one command line (`argv` as process.argv: the runtime, the script, then the arguments); its exit code. */
export async function runCli(given: string[]): Promise<number> {
  try {
    const argv = [...given.slice(0, 2), ...withJsonFlag(given.slice(2), COMMANDS)];
    // A plain invocation runs straight from the command table; help, version, errors and every other
    // form go through commander, loaded only then.
    if (asksVersion(argv.slice(2))) {
      writeOut(`${VERSION}\n`);
      return 0;
    }
    const quick = quickParse(argv.slice(2), COMMANDS);
    if (quick) await quick.command.run(quick.args, quick.opts);
    else await (await import("./program.js")).buildProgram(COMMANDS).parseAsync(argv);
    // A batch command sets exitCode 1 when some lines were rejected but the rest were answered.
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(`mechsd: ${err.message}\n`);
      return err.exitCode;
    }
    const { CommanderError } = await import("commander");
    if (err instanceof CommanderError) {
      // `--help`, `help` and `--version` exit 0; a missing command prints help on stderr as a usage error
      // (commander's `help({ error: true })`: code commander.help with exit code 1), which exits 2 like any other
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return 0;
      if (err.code === "commander.help") return err.exitCode === 0 ? 0 : 2;
      return err.exitCode === 0 ? 0 : 2;
    }
    const e = err as Error;
    process.stderr.write(`mechsd: internal error: ${e?.message ?? String(err)}\n`);
    if (process.env.MECHSD_DEBUG) process.stderr.write(`${e?.stack ?? ""}\n`);
    return 1;
  }
}
