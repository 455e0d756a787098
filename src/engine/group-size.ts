/**
 * The size of one consensus group a drawing names ("Lock leader (1 of 5-node Raft/Paxos group)", "Followers (4
 * voters, 2 failures tolerated)"), and the same drawing with the voters the prompt counts ("a 7-node consensus group",
 * "a majority of five coordinator machines"): the boxes then name the group the figures multiply by, never the typical
 * five beside a stated seven.
 */
import type { ComponentRow } from "./design/types.js";

/** The size of a replicated group a component's name states: "1 of a 5-node group", "(4 voters)" beside a leader. */
export function namedGroupSize(name: string): number | undefined {
  const node = /(?<![\d-])(\d+)-node\b/.exec(name) ?? /\b1 of (?:an? )?(\d+)\b/.exec(name);
  if (node?.[1]) return Number(node[1]);
  const voters = /\((\d+) voters\b/.exec(name);
  // followers named with their own count vote beside the one leader
  if (voters?.[1]) return Number(voters[1]) + (/\bfollowers\b/i.test(name) ? 1 : 0);
  return undefined;
}

/** A clause that sizes a group by its voters or nodes ("five voters keep a majority of three"). */
const TYPICAL_SIZE = /\b(?:\d+|three|five|seven|nine) (?:voters|nodes|members)\b/i;

/** A majority of a group of n voters, and the losses it answers through. */
export const majorityOf = (n: number): number => Math.floor(n / 2) + 1;
export const toleratedOf = (n: number): number => Math.floor((n - 1) / 2);

/**
 * A component whose name states its group's size, renamed for the stated voters (the leader "1 of a 7-node group", the
 * followers "6 voters, 3 failures tolerated"), its reason saying so; any other component, or one already of that size,
 * is returned as it is.
 */
export function sizedGroupComponent(c: ComponentRow, voters: { value: number; quote: string }): ComponentRow {
  const named = namedGroupSize(c.name);
  const n = voters.value;
  if (named === undefined || named === n) return c;
  const name = c.name
    .replace(/(?<![\d-])\d+-node\b/, `${n}-node`)
    .replace(/\b1 of (an? )?\d+\b/, (_m, a: string | undefined) => `1 of ${a ?? ""}${n}`)
    .replace(/\(\d+ voters\b/, `(${/\bfollowers\b/i.test(c.name) ? n - 1 : n} voters`)
    .replace(/\b\d+ failures tolerated\b/, `${toleratedOf(n)} failures tolerated`);
  // the card's own reason stays, but not a clause that sizes the group at its typical count ("five voters keep …")
  const kept = c.because
    .split(/;\s*/)
    .filter((clause) => !TYPICAL_SIZE.test(clause))
    .join("; ");
  const said = `the prompt counts ${n} voters ('${voters.quote}'), so the group has ${n}: each write waits for a majority of ${majorityOf(n)}, and the group keeps answering through ${toleratedOf(n)} lost ${toleratedOf(n) === 1 ? "voter" : "voters"}`;
  const because = kept ? `${said}; ${kept}` : said;
  return { ...c, name, because };
}
