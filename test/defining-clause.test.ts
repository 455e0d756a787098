import { describe, expect, it } from "vitest";
import { classify } from "../src/engine/recognize/index.js";
import { design } from "../src/lib/index.js";

/**
 * "Design a service that sends one-time passcodes …": a head made only of words for the whole thing says that a
 * service is built, and the clause right after it says which. A kind of system named there is read as named in the
 * head, so its own subject leads rather than whatever the body's side words and learned words favour. The clause's
 * other words stay the body's (counter-examples keep their leads).
 */
const CODES = [
  "Design a service that sends one-time sign-in passcodes by SMS and email for 50 million users; a code is valid for 5 minutes and can be used once.",
  "Build a system that sends one-time passcodes to 20 million customers when they log in; each code expires after 3 minutes and works once.",
  "Design a service which emails login codes to users; a code is good for 10 minutes and can only be used once.",
];

describe("a kind named in the clause that defines a bare 'service that …' head leads", () => {
  for (const p of CODES)
    it(p.slice(0, 80), () => {
      const d = design(p);
      expect(d.archetypes[0]?.id).toBe("I16");
      expect(d.archetypes[0]?.variant?.topic).toBe("one-time-code");
    });
  it("the clause's other words do not move leads the body decides", () => {
    const keep: ReadonlyArray<readonly [string, string]> = [
      [
        "Design a service that hands out unique 64-bit ids, roughly sortable by time, to 1,000 app servers at 500,000 ids per second without a central bottleneck.",
        "I09",
      ],
      [
        "Design a system that emails each of 30 million subscribers their invoice at 9am in their own time zone on the first day of every month.",
        "I03",
      ],
      [
        "Design a system that distributes signed OS update images to millions of devices, where a published image can never be modified.",
        "I14",
      ],
    ];
    for (const [p, lead] of keep) expect(classify(p).archetypes[0]?.id, p).toBe(lead);
  });
});
