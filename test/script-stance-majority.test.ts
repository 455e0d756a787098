import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";

const step1 = (p: string) => {
  const d = design(p);
  return { d, text: writeScript(d, { minutes: 45 }).steps[0]?.text ?? "" };
};

describe("step 1's assumed availability agrees with how the design commits writes", () => {
  it("a design whose writes commit on a majority assumes only its reads stay available through a split", () => {
    const { d, text } = step1(
      "Design a graph database that stores 2 billion follow edges of a social network like Twitter and answers friends-of-friends queries in 50 ms.",
    );
    expect(d.mechanisms.some((m) => m.id === "consensus-replication")).toBe(true);
    expect(d.nfrs.sources.availability?.source).toBe("default");
    expect(text).toContain("reads staying available when the network splits");
  });

  it("one with no majority commit still assumes it stays available", () => {
    const { d, text } = step1("Design a distributed cache.");
    expect(d.mechanisms.some((m) => m.id === "consensus-replication")).toBe(false);
    expect(text).toMatch(/(?<!reads )staying available when the network splits/);
  });
});
