import { describe, expect, it } from "vitest";
import { clauses } from "../src/engine/fields/requirements.js";
import { countWords, oneForm, sentence, speakInput } from "../src/render/script/speak.js";

/** The definition countWords scans by hand: runs between white space holding a letter or digit. */
const bySplit = (s: string) => s.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

describe("countWords", () => {
  it("counts as splitting on white space does, for every character between two words", () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = `ab${String.fromCharCode(c)}c`;
      if (countWords(s) !== bySplit(s)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it("skips runs without a letter or digit, and white space at either end", () => {
    for (const s of [
      "",
      "  ",
      "a",
      " a ",
      "a  b",
      "— x",
      "--- -- a-b",
      "\ufeffa\u3000b\u2028c",
      "é ü 1",
      "\t\nfoo\r\n",
      "a,b , c",
    ])
      expect([s, countWords(s)]).toEqual([s, bySplit(s)]);
    expect(countWords("the leader — then 3 replicas")).toBe(5);
  });
});

describe("sentence", () => {
  /** The definition sentence trims by hand. */
  const byRegex = (s: string) => {
    const t = s.trim().replace(/[\s,;:]+$/, "");
    if (t.length === 0) return t;
    const c = t.charAt(0).toUpperCase() + t.slice(1);
    return /[.!?]$/.test(c) ? c : `${c}.`;
  };
  it("drops trailing white space, commas, semicolons and colons, capitalises and closes", () => {
    for (const s of ["", " ", " ,; ", "a", "  the leader, ", "done.", "why?", "a:\u00a0", "x ;\n", "wait!  ,", ", a"])
      expect([s, sentence(s)]).toEqual([s, byRegex(s)]);
    expect(sentence("the leader holds the lease ;, ")).toBe("The leader holds the lease.");
  });
});

describe("a quantity whose label is a question", () => {
  it("is said amount first, with no article before 'how'", () => {
    const label = "how long a failed call keeps being retried before it is given up";
    expect(speakInput(259200, "retry_seconds", "s", label)).toBe(`3 days for ${label}`);
    expect(speakInput(0.25, "ttl", "s", "how long a cached count is served")).toBe(
      "250 milliseconds for how long a cached count is served",
    );
    expect(speakInput(7, "auction_days", "days", "how long an auction runs")).not.toMatch(/\ban? how\b/);
  });
});

describe("a stated clause joined by ', and' and said in a list of actions", () => {
  it("keeps no leading 'and', and a passive clause is said as its action", () => {
    const cs = clauses(
      "Design search where an indexer consumes changes, and the whole index can be rebuilt by replaying the log.",
    );
    expect(cs).toContain("the whole index can be rebuilt by replaying the log");
    expect(cs.some((c) => /^and\b/.test(c))).toBe(false);
    // before: "… issuing a detail read and the and the rebuilt"
    expect(oneForm(["issue a detail read", "the whole index can be rebuilt by replaying the log"]).items).toEqual([
      "issuing a detail read",
      "rebuilding the whole index by replaying the log",
    ]);
    expect(oneForm(["the detail read", "old segments are deleted after a day"]).items[1]).toBe(
      "deleting old segments after a day",
    );
  });
});

describe("a daily amount of bytes", () => {
  it("is said in its size unit, never as trillions of bytes", () => {
    expect(speakInput(6e14, "bytes_per_day", "B/day", "bytes ingested per day")).toBe("600 terabytes ingested a day");
  });
});
