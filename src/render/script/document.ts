import { type Block, bullets, heading, para } from "../doc.js";
import type { Script } from "./types.js";

const clock = (seconds: number) => {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} min ${String(s).padStart(2, "0")} s` : `${s} s`;
};

/** A diagram's title as the candidate reads it: internal archetype ids ("I02: …") left off. */
const cueTitle = (title: string): string => title.replace(/\bI\d{2}:\s*/g, "").replace(/:\s*high-level design$/i, "");

/** The script as a document: per step the budget, the drawing cue, the words, the check-in and the follow-ups. */
export function scriptBlocks(script: Script): Block[] {
  const blocks: Block[] = [
    heading(1, `Presentation script: ${script.prompt}`),
    para(
      `${script.short ? "Short version for" : "Timed for"} a ${script.minutes}-minute round at ${script.wpm} words a minute: ${clock(script.totals.seconds)} of talk in ${clock(script.totals.budgetSeconds)} of speaking time (the rest is drawing and questions).${script.totals.overruns.length > 0 ? ` Over budget: step ${script.totals.overruns.join(", ")}.` : ""}`,
    ),
  ];
  for (const s of script.steps) {
    blocks.push(
      heading(
        3,
        `${s.step}. ${s.title} (${s.minutes} min) ${clock(s.seconds)} of talk in ${clock(s.budgetSeconds)}${s.overrun ? ", OVER BUDGET" : ""}`,
      ),
    );
    if (s.cue)
      blocks.push(
        para(
          // the drawing is a stage direction in brackets, never read aloud; what is said while drawing follows it
          `[Draw the ${s.cue.kind === "hld" ? "high-level design" : "sequence"}: ${cueTitle(s.cue.title)}] ${s.cue.say}`,
        ),
      );
    blocks.push(para(s.text));
    if (s.checkIn) blocks.push(para(`Check in: ${s.checkIn}`));
    if (s.followUps.length > 0) blocks.push(bullets(s.followUps.map((f) => `Q: ${f.question} A: ${f.answer}`)));
  }
  if (script.deepDives.length > 0) {
    blocks.push(
      heading(2, "Deep dives to offer"),
      bullets(script.deepDives.map((x) => `${x.topic}${x.topic.endsWith("?") ? "" : ":"} ${x.why}`)),
    );
  }
  const c = script.cheatSheet;
  blocks.push(heading(2, "Cheat sheet"), bullets(c.checklist.map((x) => `${x.question} ${x.answer}`)));
  if (c.numbers.length > 0) blocks.push(heading(3, "Numbers"), bullets(c.numbers));
  if (c.decisions.length > 0) blocks.push(heading(3, "Decisions"), bullets(c.decisions));
  return blocks;
}
