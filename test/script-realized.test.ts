import { describe, expect, it } from "vitest";
import { design } from "../src/lib/index.js";

/**
 * Where a product feature's own record keeps the hard rule in the database that owns it, the script says so and
 * does not then say the correctness rests on a separate store it just said it does not draw.
 */
describe("a script whose feature's record keeps the rule itself", () => {
  for (const p of [
    "Design an expense-splitting app like Splitwise for 10 million users.",
    "Build a bill-splitting app where friends share costs in groups and settle up.",
  ])
    it(p, () => {
      const opening = design(p).script[0]?.text ?? "";
      expect(opening).toMatch(/so I draw no separate/);
      expect(opening).not.toMatch(/most of the correctness rests on/);
    });
});
