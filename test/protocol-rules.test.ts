import { describe, expect, it } from "vitest";
import type { BoundProtocol } from "../src/engine/architecture.js";
import { checkCoherence } from "../src/engine/coherence.js";
import { protocolSequence } from "../src/engine/output/mermaid.js";
import { centralSteps, checksAtOwner, checksWithoutState, quorumDrawn } from "../src/engine/sequence-rules.js";
import { type Design, design } from "../src/lib/index.js";

const sequences = (d: Design) =>
  d.diagrams
    .filter((g) => g.kind === "sequence")
    .map((g) => g.mermaid)
    .join("\n");

/** The participant id a sequence gives the component whose name starts with `name`. */
const pidOf = (mermaid: string, name: RegExp) =>
  [...mermaid.matchAll(/^\s*participant (\S+) as (.*)$/gm)].find((m) => name.test(m[2] as string))?.[1];

/** The participants each "checks" note sits on, with the check, diagram by diagram. */
const checks = (d: Design) =>
  d.diagrams
    .filter((g) => g.kind === "sequence")
    .flatMap((g) => {
      const names = new Map([...g.mermaid.matchAll(/^\s*participant (\S+) as (.*)$/gm)].map((m) => [m[1], m[2]]));
      return [...g.mermaid.matchAll(/^\s*Note over (\S+?): checks (.*)$/gm)].map((m) => ({
        at: names.get(m[1] as string) ?? "",
        check: m[2] as string,
      }));
    });

const step = (from: string, to: string, operation: string, guard?: string) => ({
  actor: from,
  ...(from === to ? {} : { target: to }),
  from,
  to,
  operation,
  branch: false,
  ...(guard ? { guard } : {}),
});

const COMPONENTS = [
  { id: "callers", name: "Callers", kind: "client", holds: [] },
  { id: "api", name: "Orders API (stateless)", kind: "service", holds: [] },
  { id: "db", name: "Orders DB", kind: "store", holds: ["Order", "RequestKey"] },
  { id: "relay", name: "Relay", kind: "worker-pool", holds: [] },
];
const RECORDS = [
  { entity: "Order", owner: "db" },
  { entity: "RequestKey", owner: "db" },
];
const LINKS = [
  { from: "callers", to: "api", kind: "request" },
  { from: "api", to: "db", kind: "request" },
];

describe("a check sits at the participant that owns the state it reads", () => {
  it("moves a dedupe on a request key from a stateless API onto its next write to the store", () => {
    const p: BoundProtocol = {
      part: "X",
      name: "Place an order",
      outcomes: ["done"],
      steps: [
        step("callers", "api", "place order with a request key", "no RequestKey for the key"),
        step("api", "db", "insert the order", "Order.state = new"),
        step("api", "callers", "order id"),
      ],
    };
    const out = checksAtOwner(p, COMPONENTS, RECORDS, LINKS);
    expect(out.steps[0]?.guard).toBeUndefined();
    expect(out.steps[1]?.guard).toBe("no RequestKey for the key and Order.state = new");
  });

  it("draws a conditional insert at the owner where the API's next message goes elsewhere", () => {
    const p: BoundProtocol = {
      part: "X",
      name: "Accept a callback",
      outcomes: ["done"],
      steps: [
        step("callers", "api", "callback with event id", "no RequestKey for the event id"),
        step("api", "callers", "200"),
      ],
    };
    const out = checksAtOwner(p, COMPONENTS, RECORDS, LINKS);
    expect(out.steps.map((s) => `${s.from}>${s.to}`)).toEqual(["callers>api", "api>db", "api>callers"]);
    expect(out.steps[1]).toMatchObject({
      operation: "insert the RequestKey only if absent",
      guard: "no RequestKey for the event id",
    });
  });

  it("leaves a check on a handed or local copy, and a rule read from a record, where it is", () => {
    for (const guard of ["RequestKey.version = local snapshot", "URL allowed by Order.rules"]) {
      const p: BoundProtocol = {
        part: "X",
        name: "y",
        outcomes: ["done"],
        steps: [step("callers", "api", "call", guard), step("api", "db", "write")],
      };
      expect(checksAtOwner(p, COMPONENTS, RECORDS, LINKS)).toBe(p);
    }
  });

  it("a job submission's dedupe is the cluster store's conditional create, not the stateless control API's", () => {
    const d = design(
      "Run customers' nightly report jobs on a pool of machines; submitting the same job twice must not run it twice",
    );
    expect(checks(d).find((c) => /request id/.test(c.check))?.at).toMatch(/store/i);
    expect(checks(d).some((c) => /stateless|API/.test(c.at) && /\bno [A-Z]/.test(c.check))).toBe(false);
    expect(checkCoherence(d).map((p) => p.rule)).not.toContain("check-without-state");
  });

  it("a charge's idempotency key is checked by the database that keeps the keys", () => {
    const d = design(
      "Take card payments for a small online bakery; a customer who double-clicks pay must be charged once",
    );
    const found = checks(d).filter((c) => /IdempotencyRecord/.test(c.check));
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect(c.at).not.toMatch(/stateless/i);
  });

  it("an alert's silences are checked by the alert manager, never the paging provider", () => {
    const d = design(
      "Watch memory use on our build farm and text the engineer on duty when it stays high, unless someone has muted that alert",
    );
    const found = checks(d).filter((c) => /silence/.test(c.check));
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect(c.at).toMatch(/alert ?manager/i);
    expect(sequences(d)).not.toMatch(/no other compactor owns/);
  });

  it("the coherence rule finds a dedupe drawn at a stateless API beside the store", () => {
    const mermaid = [
      "sequenceDiagram",
      "  participant P0 as Callers",
      "  participant P1 as Orders API (stateless)",
      "  participant P2 as Orders DB",
      "  P0->>P1: place order",
      "  Note over P1: checks no RequestKey for the key",
      "  P1->>P2: insert the order",
    ].join("\n");
    const d = { components: COMPONENTS, dataModel: RECORDS, diagrams: [{ kind: "sequence", title: "X: y", mermaid }] };
    expect(checksWithoutState(d).map((p) => p.rule)).toEqual(["check-without-state"]);
    // at the store it is fine; a check of the API's own handed copy is fine
    const atStore = mermaid.replace("Note over P1: checks no", "Note over P2: checks no");
    expect(checksWithoutState({ ...d, diagrams: [{ kind: "sequence", title: "X: y", mermaid: atStore }] })).toEqual([]);
    const copy = mermaid.replace("no RequestKey for the key", "RequestKey.version = local snapshot");
    expect(checksWithoutState({ ...d, diagrams: [{ kind: "sequence", title: "X: y", mermaid: copy }] })).toEqual([]);
  });
});

describe("a majority commit is drawn as messages", () => {
  const KV = [
    { id: "front", name: "Front ends", kind: "service", holds: [] },
    { id: "leader", name: "Range leaders (N = 5 per range)", kind: "replica-group", holds: ["Item"] },
    { id: "followers", name: "Range followers", kind: "replica-group", holds: ["Item"] },
  ];
  const REPL = [{ from: "leader", to: "followers", kind: "replication" }];

  it("sends the write to the followers and brings the majority's acknowledgements back before the answer", () => {
    const p: BoundProtocol = {
      part: "X",
      name: "Write",
      outcomes: ["done"],
      steps: [
        step("front", "leader", "write, committed once a majority holds it", "Item.version = expected"),
        step("leader", "front", "committed"),
      ],
    };
    const out = quorumDrawn(p, KV, REPL);
    expect(out.steps.map((s) => `${s.from}>${s.to}`)).toEqual([
      "front>leader",
      "leader>followers",
      "followers>leader",
      "leader>front",
    ]);
    expect(out.steps[2]?.operation).toBe("majority ack (3 of 5 copies), then commit");
  });

  it("notes the copies and the acks awaited where the replicas are one leaderless group", () => {
    const p: BoundProtocol = {
      part: "X",
      name: "Write",
      outcomes: ["done"],
      steps: [step("front", "leader", "write to the key's N replicas"), step("leader", "front", "W acks")],
    };
    const out = quorumDrawn(p, KV, []);
    expect(out.steps[1]).toMatchObject({
      from: "front",
      to: "front",
      operation: "sends to all 5 copies, answers after 3 acks (a majority)",
    });
  });

  it("leaves a protocol that draws its followers, or claims no majority, as it is", () => {
    const drawn: BoundProtocol = {
      part: "X",
      name: "Write",
      outcomes: ["done"],
      steps: [
        step("front", "leader", "write, majority commit"),
        step("leader", "followers", "replicate"),
        step("followers", "leader", "majority ack"),
      ],
    };
    expect(quorumDrawn(drawn, KV, REPL)).toBe(drawn);
    const plain: BoundProtocol = { ...drawn, steps: [step("front", "leader", "write")] };
    expect(quorumDrawn(plain, KV, REPL)).toBe(plain);
  });

  it("a replicated session store's leader write shows the followers' majority acks before the client's answer", () => {
    const d = design(
      "Design a replicated key-value store for shopping sessions that commits each write on a majority of 3 copies",
    );
    const seq = d.diagrams.find((g) => g.kind === "sequence" && /majority commit/i.test(g.title))?.mermaid ?? "";
    const followers = pidOf(seq, /Followers/);
    expect(followers).toBeDefined();
    const lines = seq.split("\n");
    const ack = lines.findIndex((l) => l.includes(`${followers}-->>`) && /majority ack \(2 of 3/.test(l));
    const answer = lines.findIndex((l) => /-->>P0: ok, new version/.test(l));
    expect(ack).toBeGreaterThan(0);
    expect(answer).toBeGreaterThan(ack);
  });

  it("a metrics distributor notes the copies it writes and the quorum it waits for", () => {
    const d = design(
      "Keep per-second request counts from all our web servers for 30 days and chart them on dashboards",
    );
    expect(sequences(d)).toMatch(/sends to all 3 copies, answers after 2 acks/);
  });
});

describe("the central step of the lead mechanism appears", () => {
  it("an operational-transform editor transforms the op before the sequencer appends it", () => {
    for (const prompt of [
      "Build a shared notes app where several people type into the same page at once and see each other's changes live",
      "A web spreadsheet where a team edits the same sheet together in real time",
    ]) {
      const d = design(prompt);
      if (!d.mechanisms.some((m) => m.id === "operational-transform")) continue;
      const seq = sequences(d);
      const transform = seq.indexOf("transform the op against the ops sequenced after its base seq");
      expect(transform, prompt).toBeGreaterThan(0);
      expect(seq.indexOf("append op")).toBeGreaterThan(transform);
    }
  });

  it("a CRDT design merges the update where the owner keeps it", () => {
    const d = design(
      "Shared grocery lists that family members edit on their phones while offline and that merge cleanly when they reconnect",
    );
    expect(d.mechanisms.map((m) => m.id)).toContain("crdt-merge");
    expect(sequences(d)).toMatch(/Note over P\d: merge the update into the document state/);
    expect(sequences(d)).not.toMatch(/transform the op/);
  });

  it("draws the step once, only where the mechanism is the design's and no step already says it", () => {
    const p: BoundProtocol = {
      part: "X",
      name: "Submit",
      outcomes: ["done"],
      steps: [step("editors", "seq", "submit op"), step("seq", "log", "append op")],
    };
    const comps = ["editors", "seq", "log"].map((id) => ({ id, name: id, kind: "service", holds: [] }));
    const [out] = centralSteps([p], ["operational-transform"], comps);
    expect(out?.steps.map((s) => s.operation)).toEqual([
      "submit op",
      "transform the op against the ops sequenced after its base seq",
      "append op",
    ]);
    expect(centralSteps([p], ["version-check"], comps)[0]).toBe(p);
    const said = { ...p, steps: [step("seq", "seq", "transform against concurrent ops"), ...p.steps] };
    expect(centralSteps([said], ["operational-transform"], comps)[0]).toBe(said);
  });

  it("a link shortener's sequences gain no transform or merge step", () => {
    const seq = sequences(design("Turn long web addresses into short codes that redirect, for a marketing team"));
    expect(seq).not.toMatch(/transform the op|merge the update/);
  });
});

describe("who answers whom", () => {
  it("a message back along an open request is its reply, and the next request after a reply is solid", () => {
    const text =
      protocolSequence(
        "c>f[get] -> f>s[read] -> s>f[value] -> f>c[value and version] -> c>f[put if unchanged] -> f>s[conditional put {Item.version = read}] -> s>f[committed] -> f>c[ok] |-> f>c[conflict {Item.version != read}] => done | retry",
      ) ?? "";
    expect(text).toContain("P1-->>P0: value and version");
    expect(text).toContain("P0->>P1: put if unchanged");
    expect(text).toContain("P1-->>P0: ok");
    // the store that refused answers before the front end's conflict
    expect(text).toMatch(
      /alt Item\.version != read\n\s+P2-->>P1: refused, Item\.version != read\n\s+P1-->>P0: conflict/,
    );
  });
});
