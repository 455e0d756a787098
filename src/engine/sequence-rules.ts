/**
 * Rules a bound protocol is held to before it is drawn as a sequence diagram (pure; `fields/diagrams.ts` applies
 * them): a check that must be atomic with a write sits on the participant that holds the record it reads, and a
 * majority or quorum commit is drawn as the messages to the copies and their acknowledgements coming back.
 */
import { CENTRAL_STEPS } from "../knowledge/central-steps.js";
import type { BoundProtocol, BoundStep } from "./architecture.js";
import { seqText } from "./output/mermaid.js";
import { majorityOf, needsWitness, regionsOfPeers } from "./regions.js";

export interface SequenceComponent {
  id: string;
  name: string;
  kind: string;
  holds: readonly string[];
}
export interface SequenceLink {
  from: string;
  to: string;
  kind: string;
}
export interface SequenceRecord {
  entity: string;
  owner: string;
}

/** A record a guard names: `KeyValue.version`, `no IdempotencyRecord for the key`. */
export const RECORD_NAME = /\b([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)*)\b/g;

/** A guard about a copy the checker was handed or keeps itself (a route snapshot), which it may check alone. */
export const OWN_COPY = /\b(?:local|cached|snapshot|copy|handed)\b/i;

/**
 * A guard that has to be decided in one step with the write it admits: a record's absence (a dedupe on a request
 * id), a version, state or token compared with what the record holds. A rule read from a record (a URL allowed by
 * the host's robots rules) is not one: a worker handed those rules reads them where it stands.
 */
export const ATOMIC = /\bno [A-Z]|\bnot yet\b|\balready\b|[=<>]/;

/** A participant's alias as a regular expression's source. */
const escapeAlias = (alias: string): string => alias.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Kinds of participant that never hold our state: a check on them is the caller's or an outside party's own. */
const NEVER_OWNER = new Set(["client", "external"]);

const UNKEYED = (entity: string) => /\(([A-Za-z]+)\)$/.exec(entity)?.[1] ?? entity;

/**
 * A participant that holds no state and is drawn checking a record another component owns (a stateless API noting
 * "no IdempotencyRecord for the key"): the check moves to that record's owner, onto the checker's next message to
 * it where that is the checker's next message at all (the insert it guards), else onto a conditional write to the
 * owner drawn right after, so the dedupe is the store's conditional insert, never a read-then-write at the API.
 * Returns the protocol unchanged where no step needs it.
 */
export function checksAtOwner(
  p: BoundProtocol,
  components: readonly SequenceComponent[],
  records: readonly SequenceRecord[],
  links: readonly SequenceLink[],
): BoundProtocol {
  const byId = new Map(components.map((c) => [c.id, c]));
  const ownerOf = (name: string): string | undefined => {
    const row = records.find((r) => r.entity === name || UNKEYED(r.entity) === name);
    if (row && byId.has(row.owner)) return row.owner;
    return components.find((c) => !NEVER_OWNER.has(c.kind) && c.holds.includes(name))?.id;
  };
  const drawn = new Set(p.steps.flatMap((s) => [s.from, s.to]));
  const linked = (a: string, b: string) =>
    links.some((l) => (l.from === a && l.to === b) || (l.from === b && l.to === a));
  const steps: BoundStep[] = [...p.steps];
  let moved = false;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as BoundStep;
    if (!s.guard || s.branch) continue;
    const checker = byId.get(s.to);
    if (!checker || NEVER_OWNER.has(checker.kind) || checker.holds.length > 0) continue;
    if (OWN_COPY.test(s.guard) || !ATOMIC.test(s.guard)) continue;
    let owner: string | undefined;
    let record: string | undefined;
    for (const m of s.guard.matchAll(RECORD_NAME)) {
      const o = ownerOf(m[1] as string);
      const oc = o ? byId.get(o) : undefined;
      if (!o || !oc || o === checker.id || NEVER_OWNER.has(oc.kind)) continue;
      if (!drawn.has(o) && !linked(checker.id, o)) continue;
      owner = o;
      record = m[1];
      break;
    }
    if (!owner || !record) continue;
    const guard = s.guard;
    const next = steps.findIndex((x, k) => k > i && !x.branch && x.from === checker.id && x.from !== x.to);
    const to = steps[next];
    // a record's absence is claimed by inserting it where it is kept; any other check moves only onto the write it
    // guards (a compare with a routing epoch belongs to the part holding the range, not to a hop to the map)
    const absent = new RegExp(String.raw`\bno ${record}\b|\bnot yet\b`).test(guard);
    if (!(to && to.to === owner) && !absent) continue;
    const { guard: _, ...bare } = s;
    steps[i] = bare as BoundStep;
    if (to && to.to === owner) {
      steps[next] = { ...to, guard: to.guard ? `${guard} and ${to.guard}` : guard };
    } else {
      steps.splice(i + 1, 0, {
        actor: checker.id,
        target: owner,
        from: checker.id,
        to: owner,
        operation: absent ? `insert the ${record} only if absent` : `conditional write on the ${record}`,
        guard,
        branch: false,
      });
    }
    moved = true;
  }
  return moved ? { ...p, steps } : p;
}

/** Words of a step that say it commits on a majority or quorum of copies. */
const QUORUM = /\b(?:majority|quorum|W acks|RF|N (?:replicas|copies))\b/;

/** A step already answering with the copies' acknowledgements ("W acks", "majority ack"). */
const ACKS = /\back/i;

/** The number of copies a replica group's name says it keeps: "N = 3 per key range", "RF 3", "2 voters" (+ leader). */
export function copiesNamed(group: string, followers?: string): number | undefined {
  const n = /\bN = (\d+)\b|\bRF (\d+)\b|\b(\d+) (?:replicas|copies)\b/.exec(group);
  if (n) return Number(n[1] ?? n[2] ?? n[3]);
  const v = followers ? /\b(\d+) voters\b/.exec(followers) : null;
  return v ? Number(v[1]) + 1 : undefined;
}

/**
 * A majority or quorum commit drawn as messages: a step that hands a write to a replica group whose words say it
 * commits on a majority (or a quorum) goes on to the group's followers (the components its replication links reach)
 * and their acknowledgements come back before anything else is sent, with the count from the group's own size
 * (Raft: an entry is committed once the leader has replicated it on a majority; Ongaro and Ousterhout 2014, §5.3).
 * A group with no followers drawn apart (a leaderless quorum, a distributor writing to RF ingesters) gets a note over
 * the sender with the copies it writes and the acknowledgements it waits for (Dynamo's W of N; Mimir's distributor
 * waits for n/2 + 1 ingesters). A protocol that already draws the followers is left as it is.
 */
export function quorumDrawn(
  p: BoundProtocol,
  components: readonly SequenceComponent[],
  links: readonly SequenceLink[],
): BoundProtocol {
  const byId = new Map(components.map((c) => [c.id, c]));
  const steps: BoundStep[] = [...p.steps];
  const at = steps.findIndex(
    (s) =>
      !s.branch &&
      s.from !== s.to &&
      QUORUM.test(`${s.operation} ${s.guard ?? ""}`) &&
      !ACKS.test(s.operation) &&
      byId.get(s.to)?.kind === "replica-group",
  );
  const s = steps[at];
  if (!s) return p;
  const group = byId.get(s.to) as SequenceComponent;
  const followers = links
    .filter((l) => l.kind === "replication" && l.from === group.id && l.to !== group.id)
    .map((l) => byId.get(l.to))
    .find((c) => c?.kind === "replica-group");
  const drawn = new Set(steps.flatMap((x) => [x.from, x.to]));
  if (followers && drawn.has(followers.id)) return p;
  const n = copiesNamed(group.name, followers?.name);
  const m = n ? Math.floor(n / 2) + 1 : undefined;
  // the followers are the other regions' copies: the majority is counted in regions (4 regions: 3 of 4), the writing
  // region's own copy among them; over two regions the witness is the third site
  const regions = followers ? regionsOfPeers(followers) : undefined;
  const count = regions
    ? needsWitness(regions)
      ? " (2 of 3 sites: both regions and the witness)"
      : ` (${majorityOf(regions)} of ${regions} regions, this one included)`
    : n && m
      ? ` (${m} of ${n} copies)`
      : "";
  const added: BoundStep[] = followers
    ? [
        {
          actor: group.id,
          target: followers.id,
          from: group.id,
          to: followers.id,
          operation: "replicate the entry",
          branch: false,
        },
        {
          actor: followers.id,
          target: group.id,
          from: followers.id,
          to: group.id,
          operation: `majority ack${count}, then commit`,
          branch: false,
        },
      ]
    : n && m
      ? [
          {
            actor: s.from,
            from: s.from,
            to: s.from,
            operation: `sends to all ${n} copies, answers after ${m} acks (a majority)`,
            branch: false,
          },
        ]
      : [];
  if (added.length === 0) return p;
  steps.splice(at + 1, 0, ...added);
  return { ...p, steps };
}

/**
 * The step each of the design's mechanisms turns on (`knowledge/central-steps.ts`), drawn once per design where no
 * drawn step says it: as work of the sender of the first step it happens before, in the first protocol that has
 * such a step (the sequencer's transform before it appends the op). A mechanism the design does not use draws none.
 */
export function centralSteps(
  protocols: readonly BoundProtocol[],
  mechanisms: readonly string[],
  components: readonly SequenceComponent[],
): BoundProtocol[] {
  const out = [...protocols];
  const ids = new Set(components.map((c) => c.id));
  for (const c of CENTRAL_STEPS) {
    if (!mechanisms.includes(c.mechanism)) continue;
    const said = out.some((p) => p.steps.some((s) => c.drawn.test(`${s.operation} ${s.guard ?? ""}`)));
    if (said) continue;
    for (const [k, p] of out.entries()) {
      const at = p.steps.findIndex((s) => !s.branch && ids.has(s.from) && c.before.test(s.operation));
      const anchor = p.steps[at];
      if (!anchor) continue;
      const steps = [...p.steps];
      steps.splice(at, 0, { actor: anchor.from, from: anchor.from, to: anchor.from, operation: c.step, branch: false });
      out[k] = { ...p, steps };
      break;
    }
  }
  return out;
}

/**
 * The checks a set of sequence diagrams draws on a participant that holds no state, though the check must be decided
 * with the write it admits (a record's absence, a version or state compared) and the record's holder is drawn in the
 * same sequence: a dedupe noted at a stateless API beside the store that keeps the ids (coherence
 * `check-without-state`; `checksAtOwner` moves such a check when it draws). A copy the checker was handed is its own.
 */
export function checksWithoutState(d: {
  components: readonly SequenceComponent[];
  dataModel: readonly SequenceRecord[];
  diagrams: readonly { kind: string; title: string; mermaid: string }[];
}): { rule: "check-without-state"; detail: string }[] {
  const out: { rule: "check-without-state"; detail: string }[] = [];
  const byLabel = new Map(d.components.map((c) => [seqText(c.name, 56), c]));
  const holders = (name: string) => {
    const ids = new Set(
      d.components.filter((c) => !NEVER_OWNER.has(c.kind) && c.holds.includes(name)).map((c) => c.id),
    );
    for (const r of d.dataModel) if (r.entity === name || UNKEYED(r.entity) === name) ids.add(r.owner);
    return ids;
  };
  for (const g of d.diagrams) {
    if (g.kind !== "sequence") continue;
    const parts = new Map<string, SequenceComponent>();
    for (const m of g.mermaid.matchAll(/^\s*participant (\S+) as (.*)$/gm)) {
      const c = byLabel.get(m[2] as string);
      if (c) parts.set(m[1] as string, c);
    }
    for (const m of g.mermaid.matchAll(/^\s*Note over (\S+?): checks (.*)$/gm)) {
      const at = parts.get(m[1] as string);
      // what the holder sent the checker earlier in the sequence (a claimed shard with its checkpoint, a slot's
      // stream, a probe's answer) is a copy the checker was handed, which it checks where it stands
      const before = g.mermaid.slice(0, m.index);
      const guard = m[2] as string;
      if (!at || NEVER_OWNER.has(at.kind) || at.holds.length > 0) continue;
      if (OWN_COPY.test(guard) || !ATOMIC.test(guard.replace(/#(?:lt|gt);/g, "<"))) continue;
      for (const r of guard.matchAll(RECORD_NAME)) {
        const owners = holders(r[1] as string);
        if (owners.has(at.id)) continue;
        const holder = [...parts.entries()].find(([, c]) => c.id !== at.id && owners.has(c.id));
        if (!holder) continue;
        if (new RegExp(`^\\s*${escapeAlias(holder[0])}-{1,2}>>${escapeAlias(m[1] as string)}:`, "m").test(before))
          continue;
        out.push({
          rule: "check-without-state",
          detail: `${g.title}: ${at.name} holds no state but is drawn checking '${guard}', which reads the ${r[1]} that ${holder[1].name} holds`,
        });
        break;
      }
    }
  }
  return out;
}
