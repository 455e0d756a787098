import { describe, expect, it } from "vitest";
import { parseRepeatWindow, parseStatedNfrs } from "../src/engine/nfr-parse.js";
import { countedHead } from "../src/engine/record-size.js";
import { anyWord } from "../src/engine/text.js";
import { TIME_UNIT_SPELLINGS, TIME_UNIT_TABLE, TIME_UNITS } from "../src/knowledge/counted-things.js";

describe("one table of time units feeds every reader of them", () => {
  it("lists each unit once, longer units after shorter, and every spelling once", () => {
    const seconds = TIME_UNIT_TABLE.map((u) => u.seconds);
    expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
    expect(new Set(TIME_UNIT_SPELLINGS).size).toBe(TIME_UNIT_SPELLINGS.length);
    for (const u of TIME_UNIT_TABLE) expect(u.spellings).toContain(u.word);
    expect(TIME_UNITS).toEqual(expect.arrayContaining([...TIME_UNIT_SPELLINGS]));
  });

  it("puts a longer word before a shorter one it starts with", () => {
    expect(anyWord(["s", "secs", "sec"])).toBe("(?:secs|sec|s)");
    expect(new RegExp(`^${anyWord(["min", "minutes"])}`).exec("minutes")?.[0]).toBe("minutes");
  });

  it("drops every spelling of every unit from a rate's counted noun", () => {
    for (const w of TIME_UNIT_SPELLINGS) {
      expect(countedHead(`30 million parcels per ${w}`)).toBe("parcels");
      expect(countedHead(`30 million parcels/${w}`)).toBe("parcels");
    }
  });

  it("reads a repeat window in any unit of the table, in the unit's seconds", () => {
    for (const u of TIME_UNIT_TABLE) {
      const w = parseRepeatWindow(`never bill the same customer twice in one ${u.word}`);
      expect(w?.seconds).toBe(u.seconds);
    }
  });

  it("turns a rate in any spelling into a rate per second", () => {
    const perDay = parseStatedNfrs("86,400 uploads per d").scale;
    const perHour = parseStatedNfrs("7,200 uploads per hr").scale;
    expect(Object.values(perDay).some((v) => v.value === 1)).toBe(true);
    expect(Object.values(perHour).some((v) => v.value === 2)).toBe(true);
  });
});
