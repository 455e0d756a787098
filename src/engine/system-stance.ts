import { SYSTEM_STANCES, type SystemStance } from "../knowledge/system-stances.js";
import { mentionsName } from "./references.js";

/** The named system with a checked guarantee that the prompt names (`knowledge/system-stances.ts`), with the name it used. */
export function namedSystemStance(prompt: string): { stance: SystemStance; name: string } | undefined {
  for (const stance of SYSTEM_STANCES) {
    const name = stance.names.find((n) => mentionsName(prompt, n));
    if (name) return { stance, name };
  }
  return undefined;
}
