import {
  MESSAGING_REACH,
  MESSAGING_WORDS,
  PEOPLE_MESSAGING_WHY,
  PEOPLE_SENDERS,
  SYSTEM_MESSAGING_WHY,
  SYSTEM_SENDERS,
} from "../../knowledge/signals/messaging.js";
import { piecesOf, type Token } from "./tokens.js";

/** Whom the messaging words are said of: people messaging each other, or programs passing messages through a broker. */
export type MessagingSense = "people" | "systems";

/** One place the prompt writes messaging words, and whom the sender word nearest to them says they are said of. */
export interface MessagingReading {
  sense: MessagingSense;
  /** The messaging words as written ("messaging", "text each other"). */
  words: string;
  /** Their written-word positions (a token's `at`). */
  at: readonly number[];
  /** The sender word that decided, as written ("group", "microservices"), and its written-word position. */
  sender: string;
  senderAt: number;
  /** The reading with its inputs, for evidence. */
  why: string;
}

const PEOPLE = new Set(PEOPLE_SENDERS);
const SYSTEMS = new Set(SYSTEM_SENDERS);

/** Whom a written word names as a sender: the word whole ("pub/sub", "one-to-one"), else any part between hyphens or slashes ("buyer-seller"). */
function senderOf(word: string): MessagingSense | undefined {
  if (SYSTEMS.has(word)) return "systems";
  if (PEOPLE.has(word)) return "people";
  const parts = word.split(/[-/]+/).filter((p) => p.length > 0);
  if (parts.length < 2) return undefined;
  if (parts.some((p) => SYSTEMS.has(p))) return "systems";
  if (parts.some((p) => PEOPLE.has(p))) return "people";
  return undefined;
}

let last: { prompt: string; readings: readonly MessagingReading[] } | undefined;

/**
 * Every place the prompt writes messaging words (knowledge/signals/messaging.ts) with whom they are said of: the sender
 * word nearest to them in their sentence, within MESSAGING_REACH written words either side ("a group messaging
 * service": 'group'; "a messaging system for microservices": 'microservices'; "friends message each other": 'friends').
 * A people word and a program word at the same distance read as programs; with no sender word near, the place is not
 * read (a bare "messaging system" keeps its other readings). Remembered for the last prompt (recognition and the
 * product features both ask).
 */
export function messagingReadings(prompt: string): readonly MessagingReading[] {
  if (last?.prompt === prompt) return last.readings;
  const pieces = piecesOf(prompt);
  // the written words with their sentence, in order (a mark is no word; "." ends a sentence)
  const words: { word: string; sentence: number }[] = [];
  let sentence = 0;
  for (const p of pieces) {
    if (p === ".") sentence++;
    else if (/[a-z0-9]/.test(p)) words.push({ word: p, sentence });
  }
  // the piece index of each written word, to tell words written in a row from words a mark separates
  const pieceAt: number[] = [];
  pieces.forEach((p, i) => {
    if (/[a-z0-9]/.test(p)) pieceAt.push(i);
  });
  // a people word right before a program word only says whose ("customer events", "user events"): the pair is programs
  const senseAt = (i: number): { sense: MessagingSense; sender: string } | undefined => {
    const word = words[i]?.word ?? "";
    const s = senderOf(word);
    if (s === undefined) return undefined;
    const next = words[i + 1];
    const whose =
      s === "people" &&
      next !== undefined &&
      pieceAt[i + 1] === (pieceAt[i] ?? -2) + 1 &&
      senderOf(next.word) === "systems";
    return whose ? { sense: "systems", sender: `${word} ${next.word}` } : { sense: s, sender: word };
  };
  const readings: MessagingReading[] = [];
  let k = 0;
  while (k < words.length) {
    const run = MESSAGING_WORDS.find((m) =>
      m.every((w, j) => words[k + j]?.word === w && (j === 0 || pieceAt[k + j] === (pieceAt[k + j - 1] ?? -2) + 1)),
    );
    if (run === undefined) {
      k++;
      continue;
    }
    const from = k;
    const to = k + run.length - 1;
    const at = run.map((_, j) => from + j);
    const here = words[from]?.sentence;
    let found: { sense: MessagingSense; sender: string; at: number } | undefined;
    for (let d = 1; d <= MESSAGING_REACH && found === undefined; d++) {
      const near = [from - d, to + d].filter((i) => i >= 0 && i < words.length && words[i]?.sentence === here);
      const senses = near.flatMap((i) => {
        const s = senseAt(i);
        return s === undefined ? [] : [{ ...s, at: i }];
      });
      found = senses.find((s) => s.sense === "systems") ?? senses[0];
    }
    if (found !== undefined) {
      const written = run.join(" ");
      const sender = found.sender;
      readings.push({
        sense: found.sense,
        words: written,
        at,
        sender,
        senderAt: found.at,
        why: `'${sender}' says whom '${written}' is said of: ${found.sense === "people" ? PEOPLE_MESSAGING_WHY : SYSTEM_MESSAGING_WHY}`,
      });
    }
    k = to + 1;
  }
  last = { prompt, readings };
  return readings;
}

/** The indexes of the tokens that stand at the messaging words of the readings in one sense. */
export function messagingTokens(
  tokens: readonly Token[],
  readings: readonly MessagingReading[],
  sense: MessagingSense,
): ReadonlySet<number> {
  const at = new Set(readings.filter((r) => r.sense === sense).flatMap((r) => r.at));
  const out = new Set<number>();
  tokens.forEach((t, i) => {
    if (at.has(t.at)) out.add(i);
  });
  return out;
}
