import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

// "Snowflake" is on the id generator's card (Twitter's layout) and is also a data warehouse: the noun the name is
// attached to says which one is meant (stop 34 regression: a data warehouse like Snowflake read as an id generator)
const lead = (p: string) => design(p).archetypes[0]?.id;

describe("a named system takes the kind of the noun it is likened to", () => {
  it("a warehouse like Snowflake is not an id generator", () => {
    for (const p of [
      "Design a data warehouse like Snowflake that loads 5 TB a day and answers analysts' queries in seconds.",
      "Build an analytics warehouse such as Snowflake for 200 analysts.",
    ])
      expect(lead(p), p).not.toBe("I09");
  });
  it("an id generator like Snowflake still is one", () => {
    for (const p of [
      "Design a distributed ID generator like Twitter Snowflake that issues 1 million ids per second.",
      "Design an ID service like Snowflake for 500 services.",
    ])
      expect(lead(p), p).toBe("I09");
  });
});
