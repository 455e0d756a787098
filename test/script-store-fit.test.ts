import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";

const PROMPTS = [
  "Design a graph database that stores 2 billion follow edges of a social network like Twitter and answers friends-of-friends queries in 50 ms.",
  "Design a key-value store for shopping sessions serving 300,000 reads per second",
  "Design a distributed file system like HDFS.",
];

describe("step 7 says whose description follows a store's products", () => {
  it("names the first product when two are offered ('DynamoDB gives …', never 'It gives …' after 'A or B')", () => {
    let pairs = 0;
    for (const p of PROMPTS) {
      const sentences = writeScript(design(p), { minutes: 45 }).steps[6]?.sentences ?? [];
      const at = sentences.findIndex((s) => /^For the \w+ I'd use .+ or /.test(s));
      if (at < 0) continue;
      pairs++;
      expect(sentences[at + 1] ?? "", p).not.toMatch(/^It /);
    }
    expect(pairs).toBeGreaterThan(0);
  });
});
