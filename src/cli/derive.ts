import { type Design, deriveDesign } from "../engine/design/design.js";
import { UserError } from "./errors.js";

/**
 * The override among `overrides` a coherence problem is about: a forced decision named at the start of the
 * problem's detail ("i02-lock-store chose 'single-redis', but …"), so the warning says which override to undo.
 */
function blamed(detail: string, overrides: readonly string[]): string | undefined {
  return overrides.find((o) => {
    const m = /^decision\.([^=\s]+)=/i.exec(o.trim());
    return m?.[1] !== undefined && detail.startsWith(`${m[1].toLowerCase()} `);
  });
}

/**
 * One line per coherence rule the design breaks, for standard error: a design the user forced against its own
 * rules (a rejected option whose example is the prompt's subject) is still printed, but never silently.
 */
export function coherenceWarnings(d: Design): string[] {
  return d.coherence.map((p) => {
    const by = blamed(p.detail, d.overrides);
    const who = by ? `the override ${by} leaves the design` : "the design is";
    return `mechsd: warning: ${who} flagged by its own coherence check (${p.rule}): ${p.detail}\n`;
  });
}

/** The design for a prompt and overrides, or a UserError saying what is wrong; coherence problems go to stderr. */
export function designOrRefuse(prompt: string, overrides: readonly string[]): Design {
  const r = deriveDesign(prompt, overrides);
  if (!r.ok) throw new UserError(r.error);
  for (const line of coherenceWarnings(r.design)) process.stderr.write(line);
  return r.design;
}
