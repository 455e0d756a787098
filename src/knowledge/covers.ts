import type { ArchetypeId } from "./generated/ids.js";
import type { Topic } from "./topics.js";

/**
 * A supporting archetype whose role the dominant one already plays when the design is about one of its subjects:
 * recognition may still name it (a work queue's "visibility timeouts" read as a lease, and "timeouts" as a due-time
 * release), but the dominant's own variant holds that state and runs that loop, so the supporting archetype adds
 * no components, paths, invariants, numbers or decisions of its own. A row covers the role only while the prompt
 * does not ask for the supporting archetype's own need (`unless`: words that do, such as a cron schedule for a
 * due-time scheduler, or a lock on a resource outside the queue for a lease service).
 */
export interface Coverage {
  /** The dominant archetype whose variant covers the role. */
  by: ArchetypeId;
  /** The subject the dominant must be about (its topic variant); absent when any design of it covers the role. */
  topic?: Topic;
  /** The supporting archetype whose role is covered. */
  covers: ArchetypeId;
  /** Words (a case-insensitive regular expression's source) that ask for the covered archetype's own need. */
  unless: string;
  /** Which part of the dominant covers the role, said in a sentence that completes "covered: …". */
  because: string;
}

export const COVERAGE: readonly Coverage[] = [
  {
    by: "I05",
    topic: "work-queue",
    covers: "I02",
    unless: String.raw`\b(?:locks?|locking|leader election|elect\w* a leader|mutual exclusion|mutex\w*|fencing tokens?)\b`,
    because:
      "a work queue's visibility timeout is the per-message lease: the queue's brokers hand each message to one consumer until its deadline, the delivery id refuses a late ack or extension, and the redelivery loop reclaims what lapsed, so no separate lease service or fenced resource is drawn",
  },
  {
    by: "I05",
    topic: "work-queue",
    covers: "I03",
    unless: String.raw`\b(?:cron\w*|recurring|recurrence|periodic\w*|every (?:day|hour|minute|week|month)|schedul\w*|reminders?|timers?)\b`,
    because:
      "a timed redelivery is the work queue's own visibility timeout, and a message sent for later is the send's delay (visible_at), so no schedule store, materializer or due poller is drawn; a cron or recurring schedule would need one",
  },
];

const UNLESS = new Map(COVERAGE.map((c) => [c, new RegExp(c.unless, "i")]));

/** The coverage row for a supporting archetype under a dominant one, when the design's subject and words allow it. */
export function coverageOf(
  dominant: string,
  supporting: string,
  unspoken: readonly Topic[],
  text: string,
): Coverage | undefined {
  return COVERAGE.find(
    (c) =>
      c.by === dominant &&
      c.covers === supporting &&
      (c.topic === undefined || !unspoken.includes(c.topic)) &&
      !UNLESS.get(c)?.test(text),
  );
}
