import {
  architectureOf,
  type BoundProtocol,
  designParts,
  LAYOUT_FACTS,
  type Layout,
  planeOf,
} from "../architecture.js";
import type { Deriver } from "../design/graph.js";
import type { Diagram } from "../design/types.js";
import { architectureFlowchart, boundSequence } from "../output/mermaid.js";
import { RECORD_PART } from "../product/record.js";
import { regionalSequence } from "../regions.js";
import { centralSteps, checksAtOwner, quorumDrawn } from "../sequence-rules.js";
import { guardedSteps, statedGuards } from "../stated-guards.js";
import { pattern } from "../text.js";

const MAX_SEQUENCES = 4;

export const diagramsField: Deriver<"diagrams", Layout> = {
  field: "diagrams",
  category: "Output",
  reads: [
    "prompt",
    "branch",
    "archetypes",
    "features",
    "decisions",
    "components",
    "links",
    "criticalPaths",
    "nfrs",
    "invariants",
    "operations",
    "dataModel",
    "baseMechanisms",
    "companions",
  ],
  rule: "an HLD flowchart drawn from the components and links (grouped into data and replication, control, and request paths), and a sequence diagram per critical protocol bound to those components (at most four; a design across regions whose state crosses them by a protocol of its own, such as a budget's per-region counts exchanged and summed, draws it last): for a bare product, its record's create and read first, then the first protocol of each substrate hosted on it that owns a critical path; in a product design every feature's own protocols first, in feature order, then the first protocol of each archetype hosted on a feature that owns a critical path; otherwise the flows of a product feature the dominant archetype carries (one whose components are the dominant's own) first, then the dominant archetype's protocols, then the first protocol of every other archetype that owns a critical path (substrates excepted), then each product feature's. A guarantee the prompt states of a kind with a keeper of its own is drawn as its check at the owner of the record that holds it, on the first writing step to that owner",
  facts: LAYOUT_FACTS,
  derive: (f, _input, layout) => {
    if (f.components.length === 0) return [];
    const lead = f.archetypes[0];
    const parts = designParts(f);
    const featureLed = parts[0]?.role === "feature";
    const title = featureLed
      ? `Product (${f.features.map((x) => x.id).join(", ")})`
      : lead
        ? lead.variant
          ? variantTitle(lead.variant.subject)
          : lead.name
        : (f.features[0]?.name ?? "Design");
    const out: Diagram[] = [
      {
        kind: "hld",
        title: `${title}: high-level design`,
        mermaid: architectureFlowchart(
          f.components.map((c) => ({ id: c.id, name: c.name, kind: c.kind, plane: planeOf(c.kind) })),
          f.links,
        ),
      },
    ];
    const arch = architectureOf(f, layout);
    const names = new Map(f.components.map((c) => [c.id, c.name]));
    const owners = new Set(f.criticalPaths.map((p) => p.archetype as string));
    const chosen: BoundProtocol[] = [];
    const byPart = (key: string) => arch.protocols.filter((p) => p.part === key);
    if (layout.record) {
      // a bare product: its record's create and read first, then the first protocol of each substrate hosted on it
      // that owns a critical path
      chosen.push(...byPart(RECORD_PART));
      for (const p of parts) if (owners.has(p.key)) chosen.push(...byPart(p.key).slice(0, 1));
    } else if (featureLed) {
      // the product's own critical flows first, every one of each feature in feature order; the
      // substrates' protocols (hosted on the features' components) only if room remains
      for (const p of parts) if (p.role === "feature") chosen.push(...byPart(p.key));
      for (const p of parts)
        if (p.role !== "feature" && (p.role !== "substrate" || p.hostedOn) && owners.has(p.key))
          chosen.push(...byPart(p.key).slice(0, 1));
    } else {
      // a feature whose components are the dominant archetype's own (`sameAs`: a file-sync product's block service is
      // the block store's front-ends) is the subject the dominant carries: its flows, every one, come first
      const dominantKey = parts[0]?.key;
      const carried = parts.filter(
        (p) => p.role === "feature" && p.topology.components.some((c) => c.sameAs?.[dominantKey as never]),
      );
      for (const p of carried) chosen.push(...byPart(p.key));
      // a dominant archetype that draws none of its own flows (the database a cache-aside tier fronts is given) leaves
      // its slots to the archetypes after it, in order
      let spare = 0;
      for (const [i, p] of parts.entries()) {
        if (carried.includes(p)) continue;
        if (i === 0) {
          const own = byPart(p.key).slice(0, 3);
          chosen.push(...own);
          spare = own.length === 0 ? 3 : 0;
        } else if (p.role === "feature" || ((p.role !== "substrate" || p.hostedOn) && owners.has(p.key))) {
          const taken = byPart(p.key).slice(0, 1 + spare);
          spare = Math.max(0, spare - Math.max(0, taken.length - 1));
          chosen.push(...taken);
        }
      }
    }
    // an outside party checks nothing of ours: a guard on our own records over a message to it (a URL allowed by the
    // host's cached robots rules, before the GET) is checked by the sender, which holds or was handed those records
    const outside = new Set(f.components.filter((c) => c.kind === "external").map((c) => c.id));
    const ours = f.components.filter((c) => c.kind !== "external").flatMap((c) => c.holds);
    const checkedBySender = (guard: string, to: string) =>
      outside.has(to) && ours.some((h) => pattern(String.raw`\b${h.replace(/[^A-Za-z0-9_]/g, "\\$&")}\b`).test(guard));
    const drawable = chosen.filter((p) => p.steps.every((s) => names.has(s.from) && names.has(s.to)));
    // a check that must be atomic with its write sits at the record's owner, a majority commit is drawn as the
    // messages to the copies and back, and the step the design's lead mechanism turns on is drawn where it happens
    const held = centralSteps(
      drawable
        .slice(0, MAX_SEQUENCES)
        .map((p) => quorumDrawn(checksAtOwner(p, f.components, f.dataModel, f.links), f.components, f.links)),
      [...f.baseMechanisms, ...f.companions].map((m) => m.id),
      f.components,
    );
    // a guarantee the prompt states is drawn as the check at its record's owner before that owner acknowledges
    const qualified = guardedSteps(
      qualifierGuards(held, f.nfrs, outside),
      statedGuards(layout.clauses, f.invariants, f.operations),
      f.dataModel,
    );
    for (const p of qualified) {
      out.push({
        kind: "sequence",
        title: `${p.part}: ${p.name}`,
        mermaid: boundSequence(
          p.steps.map((s) => {
            // a component playing two parties of the protocol (the source and the destination shard) is one lifeline
            // per role
            const step = {
              from: s.actorRole ? `${s.from}@${s.actorRole}` : s.from,
              to: s.targetRole ? `${s.to}@${s.targetRole}` : s.to,
              operation: s.operation,
              branch: s.branch,
            } as {
              from: string;
              to: string;
              operation: string;
              branch: boolean;
              guard?: string;
              checkedBy?: "sender";
            };
            if (s.guard) step.guard = s.guard;
            if (s.guard && checkedBySender(s.guard, s.to)) step.checkedBy = "sender";
            return step;
          }),
          p.outcomes,
          (key) => participantName(key, names),
        ),
      });
    }
    // a design across regions whose state crosses them by a protocol of its own (a budget's per-region slots
    // exchanged and summed, a check forwarded to the key's home region) draws that protocol too
    const regional = regionalSequence(f, f.components);
    if (regional && out.length - 1 < MAX_SEQUENCES)
      out.push({
        kind: "sequence",
        title: `${title}: ${regional.title}`,
        mermaid: boundSequence(regional.steps, regional.outcomes, (key) => participantName(key, names)),
      });
    return out;
  },
};

/**
 * The prompt's stated qualifiers drawn as guards where they are checked, once per design: a repeat forbidden within
 * a window on the first guarded step to one of our own parts that hands out the repeated thing ("take the due
 * host's next URL": its last fetch a day old or more); an order kept per key on the first guarded claim or take
 * before a call to an outside party (the item is its key's next by sequence number, the one before it acknowledged
 * or parked).
 */
function qualifierGuards(
  protocols: readonly BoundProtocol[],
  nfrs: { repeatWindow?: { noun: string; act: string; window: string }; orderKey?: { value: string } },
  outside: ReadonlySet<string>,
): BoundProtocol[] {
  const w = nfrs.repeatWindow;
  const k = nfrs.orderKey;
  if (!w && !k) return [...protocols];
  let windowed = false;
  let ordered = false;
  const noun = w ? pattern(String.raw`\b${w.noun.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?\b`, "i") : undefined;
  return protocols.map((p) => {
    const outsideAt = p.steps.findIndex((s) => outside.has(s.to));
    const steps = p.steps.map((s, i) => {
      if (!s.guard || outside.has(s.to) || s.branch) return s;
      if (noun && !windowed && w && noun.test(s.operation)) {
        windowed = true;
        return { ...s, guard: `${s.guard} and the ${w.noun}'s last ${w.act} started <= now - ${w.window}` };
      }
      if (k && !ordered && i < outsideAt && CLAIM.test(s.operation)) {
        ordered = true;
        return {
          ...s,
          guard: `${s.guard} and it is its ${k.value}'s next seq (the one before acknowledged or parked)`,
        };
      }
      return s;
    });
    return { ...p, steps };
  });
}

/** The words of a step that claims or takes the next item to work on. */
const CLAIM = /\b(?:claim\w*|take|takes|dequeue\w*|lease\w*|pick\w*)\b/i;

/** A lifeline's name: its component's, led by the role it plays where it plays one ("Source: Account shards (…)"). */
function participantName(key: string, names: ReadonlyMap<string, string>): string {
  const at = key.indexOf("@");
  if (at < 0) return names.get(key) ?? key;
  const id = key.slice(0, at);
  const role = key.slice(at + 1).replace(/-/g, " ");
  return `${role.charAt(0).toUpperCase()}${role.slice(1)}: ${names.get(id) ?? id}`;
}

/** A variant's subject as a title: "a look-aside cache tier in front of the database, which …" → "Look-aside cache tier in front of the database". */
function variantTitle(subject: string): string {
  const head = subject.replace(/^(?:an?|the) /i, "").split(",")[0] ?? subject;
  return `${head.charAt(0).toUpperCase()}${head.slice(1)}`;
}
