import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";
import { writeScript } from "../src/render/script/index.js";
import { withArticle } from "../src/render/script/speak.js";
import { asFix } from "../src/render/script/steps.js";

const spoken = (prompt: string): string[] =>
  writeScript(design(prompt)).steps.flatMap((s) => s.lines.map((l) => l.text));

// invented prompts: a stated ask no part of the design quotes, of a kind the design owes an answer to
const ARCHIVE_CONTROL =
  "Design a photo archive for a museum with 2 million scans; a scan must never be lost even when a whole data centre floods, and curators can hide a scan from the public.";
const RESOLVER_OFFLINE =
  "Design a DNS resolver cache for a campus network: 20,000 lookups per second, an answer is never served past its TTL, and a resolver must still answer while the upstream servers are unreachable.";
// every stated ask carried by a part of the design: nothing to answer in step 1
const RESOLVER_CARRIED =
  "Design a DNS resolver cache for a campus network: 20,000 lookups per second, an answer is never served past its TTL, and restarting a resolver must not overwhelm the upstream servers.";

describe("a stated ask nothing in the design quotes", () => {
  it("is answered with what the design does, never confessed as not carried or an open point", () => {
    for (const p of [ARCHIVE_CONTROL, RESOLVER_OFFLINE, RESOLVER_CARRIED]) {
      const said = spoken(p).join(" ");
      expect(said).not.toMatch(/not carried|open points?\b|nothing in this design/);
    }
    // the control kind's plan: a call of its own on the record
    expect(spoken(ARCHIVE_CONTROL)).toContain(
      // past one breath, split at its ", so" (render/script/breath.ts)
      "The prompt says curators can hide a scan from the public. So it is a call of its own, a guarded update of the record's state that the workers check before acting.",
    );
    // the rule kind's plan
    expect(spoken(RESOLVER_OFFLINE)).toContain(
      // past a spoken breath, split at its ", so" (render/script/breath.ts)
      "The prompt says a resolver must still answer while the upstream servers are unreachable. So we keep it as a rule, checked on the path that could break it.",
    );
  });

  it("is not answered when every ask is carried, and the document still lists what is not", () => {
    expect(spoken(RESOLVER_CARRIED).join(" ")).not.toMatch(/we keep it as a rule|a call of its own/);
    const row = design(RESOLVER_OFFLINE).statedRequirements.find((r) => r.clause.startsWith("a resolver must"));
    expect(row?.carried).toBe(false);
  });
});

describe("mechanism names and remedy lists said as speech", () => {
  it("says a mechanism named by its verb as the doing, after 'kept by' or 'is'", () => {
    expect(withArticle("publish content before the pointer")).toBe("publishing content before the pointer");
    expect(withArticle("read from the current leader")).toBe("reading from the current leader");
    // a verb heading an "of" phrase is a noun
    expect(withArticle("claim of a runnable unit")).toBe("the claim of a runnable unit");
    // counter-examples: a noun keeps its article, a plural none
    expect(withArticle("lease with expiry")).toBe("a lease with expiry");
    expect(withArticle("fencing tokens")).toBe("fencing tokens");
  });

  it("says a list of remedies as a list, and leaves an instruction or a single name alone", () => {
    expect(asFix("Edge caches per region, staged rollout, peer-to-peer distribution for big fleets", "remedy")).toBe(
      "The remedies are edge caches per region, staged rollout and peer-to-peer distribution for big fleets.",
    );
    expect(asFix("Spool pages to disk, retry the printer, and alert the desk.")).toBe(
      "Spool pages to disk, retry the printer, and alert the desk.",
    );
    expect(asFix("Throttle repair bandwidth.")).toBe("Throttle repair bandwidth.");
  });
});
