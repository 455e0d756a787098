import { describe, expect, it } from "vitest";
import { designCapacityRows } from "../src/engine/capacity.js";
import { checkCoherence } from "../src/engine/coherence.js";
import type { CapacityModel } from "../src/knowledge/capacity/types.js";
import { parseProtocol } from "../src/knowledge/notation/protocol.js";
import { type Design, design } from "../src/lib/index.js";

const derive = (p: string) => structuredClone(design(p)) as Design;
const rules = (d: Design) => checkCoherence(d).map((p) => p.rule);

describe("a figure reads its inputs from the rule the design states", () => {
  const crawler = () =>
    derive("Design a web crawler that fetches 1 billion pages a month while staying polite to every host");

  it("the per-host delay is the politeness rule worked out from the fetch time, not a separate guess", () => {
    const d = crawler();
    const rotation = d.capacity.find((c) => c.id === "hosts_in_rotation");
    const delay = rotation?.inputs.find((i) => i.name === "host_delay_seconds");
    const fetch = rotation?.inputs.find((i) => i.name === "task_seconds");
    expect(fetch?.value).toBe(2);
    expect(delay?.value).toBe(20);
    expect(delay?.because).toMatch(/crawl_delay_seconds, response_gap_factor \* task_seconds/);
    expect(rules(d)).not.toContain("input-below-own-rule");
  });

  it("flags a delay below the rule the design's invariant states", () => {
    const d = crawler();
    for (const r of d.capacity) for (const i of r.inputs) if (i.name === "host_delay_seconds") i.value = 5;
    expect(rules(d)).toContain("input-below-own-rule");
  });
});

describe("one latency budget, one value per quantity", () => {
  const typeahead = () =>
    derive("Design a search autocomplete service answering 100,000 queries per second within 50 ms");

  it("a model that splits the stated budget itself gets no second budget with another round trip", () => {
    const d = typeahead();
    const names = new Set(d.capacity.flatMap((c) => [c.id, ...c.inputs.map((i) => i.name)]));
    expect(names.has("latency_slack_ms")).toBe(true);
    expect(names.has("request_path_seconds")).toBe(false);
    expect(names.has("client_rtt_seconds")).toBe(false);
    expect(rules(d)).not.toContain("quantity-two-values");
    expect(rules(d)).not.toContain("stated-number-unused");
  });

  it("flags one quantity said under two names with two values", () => {
    const d = typeahead();
    const row = d.capacity.find((c) => c.id === "latency_slack_ms");
    row?.inputs.push({ name: "client_rtt_seconds", value: 0.02, source: "assumed", because: "not stated" });
    expect(rules(d)).toContain("quantity-two-values");
  });

  it("an unstated quantity takes its twin's value, converted, from another model of the design", () => {
    const a: CapacityModel = {
      inputs: [{ quantity: "network_rtt_ms", typical: 30, why: "a planning figure" }],
      figures: [{ id: "slack", label: "slack", kind: "time", expression: "100 - network_rtt_ms", unit: "ms" }],
    };
    const b: CapacityModel = {
      inputs: [],
      figures: [{ id: "share", label: "share", kind: "headroom", expression: "client_rtt_seconds / 1", unit: "s" }],
    };
    const [, rows] = designCapacityRows(
      [
        { model: a, owner: "A" },
        { model: b, owner: "B" },
      ],
      {},
    );
    const rtt = rows?.[0]?.inputs.find((i) => i.name === "client_rtt_seconds");
    expect(rtt?.value).toBeCloseTo(0.03, 6);
    expect(rtt?.because).toMatch(/same quantity as network_rtt_ms/);
  });
});

describe("a sequence puts each check on the party that makes it", () => {
  const crawler = () =>
    derive("Design a web crawler that fetches 1 billion pages a month while staying polite to every host");
  const pidOf = (mermaid: string, name: RegExp) =>
    [...mermaid.matchAll(/participant (\S+) as (.*)/g)].find((m) => name.test(m[2] ?? ""))?.[1];

  it("the fetcher checks the cached robots rules before the GET; the website only serves pages", () => {
    const d = crawler();
    const fetch = d.diagrams.find((g) => g.kind === "sequence" && /GET the page/.test(g.mermaid));
    const mermaid = fetch?.mermaid ?? "";
    const sites = pidOf(mermaid, /^Websites/);
    const fetchers = pidOf(mermaid, /^Fetchers/);
    expect(mermaid).not.toMatch(new RegExp(`Note over ${sites}: checks`));
    expect(mermaid).toMatch(
      new RegExp(
        `Note over ${fetchers}: checks URL allowed by HostState.robots_rules\\n\\s*${fetchers}->>${sites}: GET the page`,
      ),
    );
    expect(rules(d)).not.toContain("outsider-checks-ours");
  });

  it("flags an outside party drawn checking a record we hold", () => {
    const d = crawler();
    const g = d.diagrams.find((x) => x.kind === "sequence" && /GET the page/.test(x.mermaid));
    if (g) {
      const sites = pidOf(g.mermaid, /^Websites/);
      g.mermaid = g.mermaid.replace(/Note over \S+: checks URL allowed/, `Note over ${sites}: checks URL allowed`);
    }
    expect(rules(d)).toContain("outsider-checks-ours");
  });
});

describe("a two-party protocol draws each party as its own lifeline", () => {
  const ledger = () =>
    derive(
      "Design a bank ledger that transfers money between accounts on different shards without losing or creating money",
    );
  const saga = (d: Design) => d.diagrams.find((g) => g.kind === "sequence" && /saga/.test(g.title));

  it("the protocol notation names the role a component plays", () => {
    const r = parseProtocol("a>shards@source[debit] -> shards@source>a[done] -> b>shards@destination[credit] => done");
    expect(r.ok && r.value.steps.map((s) => [s.actorRole, s.targetRole])).toEqual([
      [undefined, "source"],
      ["source", undefined],
      [undefined, "destination"],
    ]);
  });

  it("the cross-shard saga debits the source shard and credits the destination shard, two lifelines", () => {
    const d = ledger();
    const mermaid = saga(d)?.mermaid ?? "";
    const source = /participant (\S+) as Source#58; Account shards/.exec(mermaid)?.[1];
    const destination = /participant (\S+) as Destination#58; Account shards/.exec(mermaid)?.[1];
    expect(source).toBeDefined();
    expect(destination).toBeDefined();
    expect(mermaid).toMatch(new RegExp(`->>${source}: debit the source account`));
    expect(mermaid).toMatch(new RegExp(`->>${destination}: credit the destination account`));
    expect(rules(d)).not.toContain("two-parties-one-lifeline");
    expect(rules(d)).not.toContain("message-without-link");
  });

  it("flags one lifeline for both shards", () => {
    const d = ledger();
    const g = saga(d);
    if (g) {
      const destination = /participant (\S+) as Destination/.exec(g.mermaid)?.[1] ?? "";
      const source = /participant (\S+) as Source/.exec(g.mermaid)?.[1] ?? "";
      g.mermaid = g.mermaid.replace(new RegExp(`>>${destination}:`, "g"), `>>${source}:`);
    }
    expect(rules(d)).toContain("two-parties-one-lifeline");
  });
});

describe("a zone's loss leaves the code a margin", () => {
  const s3 = () =>
    derive("Design an object storage service like S3 that stores 100 PB with eleven nines of durability");

  it("the erasure code is spread so one zone holds fewer fragments than the parity", () => {
    const d = s3();
    const zone = d.capacity.find((c) => c.id === "pieces_lost_with_zone");
    const tolerated = d.capacity.flatMap((c) => c.inputs).find((i) => i.name === "tolerated_losses");
    expect(zone && tolerated && zone.value < tolerated.value).toBe(true);
    expect(d.capacity.find((c) => c.id === "zone_loss_margin")?.value).toBe(2);
    expect(rules(d)).not.toContain("count-reaches-tolerance");
  });

  it("flags a zone's loss that takes as many pieces as the code tolerates", () => {
    const d = s3();
    for (const r of d.capacity) for (const i of r.inputs) if (i.name === "tolerated_losses") i.value = 4;
    expect(rules(d)).toContain("count-reaches-tolerance");
  });
});
