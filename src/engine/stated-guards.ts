import { GUARD_SHAPES, type GuardNouns, type GuardShape } from "../knowledge/mechanisms/guards.js";
import type { ApiRow, ComponentRow, DataModelRow, InvariantRow } from "./design/types.js";
import { actNoun, type ClauseKind, type GuaranteeClause, keeperSaid } from "./stated-clauses.js";
import { fromStatedGuarantee } from "./stated-rules.js";
import { contentStems, namesNoun, stemOverlap } from "./text.js";

/**
 * A guarantee the prompt states, of a kind with a keeper of its own (engine/stated-clauses.ts), carried past its rule
 * into every section that must show it: the record that holds the guard (its columns and index), the call that writes
 * that record (the fields the guard needs, the error it answers), and the check drawn at the record's owner before it
 * acknowledges. Each value says the clause and the mechanism it comes from.
 */
export interface StatedGuard {
  clause: GuaranteeClause & { kind: ClauseKind };
  /** The hard rule made from the clause. */
  rule: InvariantRow;
  /** The entity the rule's write writes, when the rule sits on an operation of the design. */
  writes: string | undefined;
  shape: GuardShape;
  /** Why a section carries it: the clause and the mechanism that keeps it. */
  because: string;
}

/** The table name of a record's words: "billing line" → BillingLine. */
const tableName = (words: string) =>
  words
    .split(/[^a-z0-9]+/i)
    .filter(Boolean)
    .map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`)
    .join("");
/** A data-model row's own name and the archetype's name it renames ("Contract (KeyValue)"). */
const rowNames = (r: { entity: string }): string[] => {
  const m = /^(.*?)\s*\(([A-Za-z]+)\)$/.exec(r.entity);
  return m ? [m[1] ?? "", m[2] ?? ""] : [r.entity];
};
const snake = (w: string) => w.toLowerCase().replace(/[^a-z0-9]+/g, "_");

/** The nouns and figures a cardinality guard is said in, where the clause states them. */
const cardinal = (c: GuaranteeClause): Partial<GuardNouns> => ({
  ...(c.limit ? { limit: c.limit } : {}),
  ...(c.counted ? { counted: c.counted } : {}),
  ...(c.per ? { per: c.per } : {}),
  ...(c.period ? { period: c.period } : {}),
  ...(c.act ? { act: c.act, use: actNoun(c.act) } : {}),
  ...(c.members ? { members: c.members } : {}),
  ...(c.held ? { held: true } : {}),
  ...(c.kind === "total-cap" && / escrowed /.test(keeperSaid(c)) ? { escrow: true } : {}),
  ...(c.taken ? { taken: c.taken } : {}),
  ...(c.kind === "forward-only" ? forwardNouns(c) : {}),
  ...(c.kind === "quantity-bound" ? boundNouns(c) : {}),
});

/** A forward-only state's order: the value itself where it is one that rises (a version), else its update's time. */
const forwardNouns = (c: GuaranteeClause): Partial<GuardNouns> =>
  RISING.test(c.head) && !c.ranked
    ? // "a page's revision number": the number is named by the noun before it
      {
        order: snake(
          c.head === "number" && c.names.at(-1) && c.names.at(-1) !== c.key ? `${c.names.at(-1)} number` : c.head,
        ),
      }
    : { ...(c.ranked ? { ranked: true } : {}), ...(c.events ? { events: c.events } : {}) };
const RISING = /^(?:version|revision|sequence|seq|counter|offset|epoch|generation|watermark|serial|checkpoint|number)$/;
/** A bounded quantity's column, its bound's column (or the figure, or 0 for zero) and the side it bounds. */
const boundNouns = (c: GuaranteeClause): Partial<GuardNouns> => {
  const q = snake(c.quantity ?? c.head);
  const b = (c.bound ?? "").toLowerCase();
  const bound = /^(?:zero|0)$/.test(b)
    ? "0"
    : /^\$?\s?\d/.test(b)
      ? b.replace(/[$\s,]/g, "")
      : /^(?:limit|cap|maximum|max|ceiling|threshold|floor|minimum|reserve)$/.test(b)
        ? `${q}_${b}`
        : snake(b);
  return { quantity: q, bound, side: c.side ?? "ceiling" };
};

/** The stated guarantees of the kinds a keeper of their own keeps, each with the rule made from it. */
export function statedGuards(
  clauses: readonly GuaranteeClause[],
  invariants: readonly InvariantRow[],
  operations: readonly { phrase: string; entity: string }[],
): StatedGuard[] {
  const out: StatedGuard[] = [];
  for (const c of clauses) {
    const kind = c.kind;
    if (!kind) continue;
    const rule = invariants.find((i) => fromStatedGuarantee(i.because) && i.because.includes(`'${c.quote}'`));
    if (!rule) continue;
    const writes = operations.find((o) => o.phrase === rule.path || o.phrase.startsWith(rule.path))?.entity;
    out.push({
      clause: { ...c, kind },
      rule,
      writes,
      shape: GUARD_SHAPES[kind],
      because: `the prompt says '${c.quote}', kept by ${keeperSaid(c, rule.keptBy)}`,
    });
  }
  return out;
}

/** The column a record already carries for a guard (a run's due_at), when it carries one. */
const presentColumn = (g: StatedGuard, row: DataModelRow | undefined): string | undefined =>
  row && g.shape.present ? [...row.key, ...row.fields].find((f) => g.shape.present?.test(f)) : undefined;

/** The record words a kind keeps of its own where no record of the design holds the guard. */
const ownRecord = (g: StatedGuard): string | undefined =>
  g.clause.kind === "effect-once"
    ? tableName(g.clause.party?.effect ?? "effect line")
    : g.clause.kind === "sticky"
      ? "ConnectionEntry"
      : g.clause.kind === "once-only"
        ? tableName(`${g.clause.head} ${actNoun(g.clause.act)}`)
        : g.clause.kind === "holder-cap" && g.clause.period
          ? tableName(`${g.clause.head} ${g.clause.period} count`)
          : g.clause.kind === "party-overlap"
            ? tableName(`${g.clause.head} busy interval`)
            : undefined;

/**
 * The record a cardinality guard sits on where no row of the design is named for its thing: the thing's own row (a
 * claim on a player, a courier's count, a code's counter), added to the data model.
 */
const thingRecord = (g: StatedGuard): string | undefined =>
  g.clause.kind === "one-holder" || g.clause.kind === "holder-cap" || g.clause.kind === "total-cap"
    ? tableName(g.clause.kind === "total-cap" ? `${g.clause.head} counter` : g.clause.head)
    : g.clause.kind === "quantity-bound" || g.clause.kind === "forward-only"
      ? tableName(keyOf(g.clause))
      : undefined;

/** The key whose row holds a per-key state or quantity: the quantity's key ("account"), the state's owner ("package"). */
const keyOf = (c: GuaranteeClause): string =>
  // "stock counts": a count of a measure is kept on the measure's row
  c.key ?? (c.kind === "quantity-bound" && c.quantity?.includes(" ") ? (c.quantity.split(" ")[0] ?? c.head) : c.head);

const BOOKING_RECORD = /^(?:Booking|Reservation|Appointment|Hold|Assignment|Slot)$/;

/**
 * The data-model row that holds a guard: a record of the kind's own (an effect line, a connection entry), else the
 * row named for the rule's thing ("Contract (KeyValue)"), else for a booking clash the booking record, else the row
 * the rule's write writes; undefined where no row fits.
 */
function guardedRow(g: StatedGuard, rows: readonly DataModelRow[]): DataModelRow | undefined {
  const own = ownRecord(g);
  if (own) return rows.find((r) => rowNames(r).includes(own));
  const mine = thingRecord(g);
  if (mine) {
    const nouns = [g.clause.head, ...g.clause.names].map((n) => tableName(n).toLowerCase());
    const named = rows.find((r) => rowNames(r).some((n) => nouns.includes(n.toLowerCase()) || n === mine));
    if (named) return named;
    // a per-key quantity the rule's own write already keeps as a column ("a player's balance" on the Wallet row a
    // spend debits) is guarded on that row, not on a second row named after its key
    const quantity = g.clause.kind === "quantity-bound" && g.clause.quantity ? snake(g.clause.quantity) : undefined;
    const written = g.writes ? rows.find((r) => rowNames(r).includes(g.writes as string)) : undefined;
    return quantity && written && [...written.key, ...written.fields].includes(quantity) ? written : undefined;
  }
  const written = g.writes ? rows.find((r) => rowNames(r).includes(g.writes as string)) : undefined;
  if (g.shape.onWrite && written) return written;
  const nouns = [g.clause.head, ...g.clause.names].map((n) => n.toLowerCase());
  const named = rows.find((r) => rowNames(r).some((n) => nouns.includes(n.toLowerCase())));
  if (named) return named;
  if (g.clause.kind === "interval") {
    const booking = rows.find((r) => rowNames(r).some((n) => BOOKING_RECORD.test(n)));
    if (booking) return booking;
  }
  return written;
}

const perKey = (g: StatedGuard) => g.clause.kind === "quantity-bound" || g.clause.kind === "forward-only";

/**
 * The column that already holds a bounded quantity named after its own row ("stock must never go negative" of a Stock
 * row whose count is on_hand or available): one count column, so the guard checks it and adds no second field for the
 * same quantity. Undefined where the row carries the quantity's own column, names something else, or has no single
 * count column.
 */
const COUNT_COLUMN = /^(?:on_hand|available|quantity|qty|count|units|level|remaining|balance)$/;
function ownCount(g: StatedGuard, row: DataModelRow | undefined): string | undefined {
  if (g.clause.kind !== "quantity-bound" || !row) return undefined;
  const q = boundNouns(g.clause).quantity ?? "";
  if (row.fields.includes(q) || row.key.includes(q)) return undefined;
  if (!rowNames(row).some((n) => n.toLowerCase() === q.replace(/_/g, ""))) return undefined;
  const counts = row.fields.filter((f) => COUNT_COLUMN.test(f));
  return counts.length === 1 ? counts[0] : undefined;
}

/** A row keyed by columns of its own (location_id, item_id), not by the guarded thing's id, says the guard on them. */
const ownKeys = (g: StatedGuard, row: DataModelRow | undefined, column: string): string[] | undefined =>
  g.clause.kind === "quantity-bound" && row && row.key.length > 0 && !row.key.includes(`${column}_id`)
    ? [...row.key]
    : undefined;
/**
 * The key column of a row a per-key quantity is guarded on where the row is not named for the quantity's key (a
 * player's balance on the Wallet row keyed by account_id): that row's own single id key.
 */
const rowKeyColumn = (g: StatedGuard, row: DataModelRow | undefined): string | undefined => {
  if (!row || !perKey(g) || row.key.length !== 1) return undefined;
  const own = snake(keyOf(g.clause));
  const [key] = row.key;
  return key && key !== `${own}_id` && /^[a-z0-9_]+_id$/.test(key) && !rowNames(row).some((n) => snake(n) === own)
    ? key.slice(0, -3)
    : undefined;
};

const nounsOf = (g: StatedGuard, record: string, row?: DataModelRow): GuardNouns => ({
  ...cardinal(g.clause),
  ...(ownCount(g, row) ? { quantity: ownCount(g, row) } : {}),
  ...(ownCount(g, row) && ownKeys(g, row, snake(keyOf(g.clause)))
    ? { keys: ownKeys(g, row, snake(keyOf(g.clause))) }
    : {}),
  // a per-key state or quantity is said of its key's row ("the account's balance", "the package's current row")
  thing: perKey(g) ? keyOf(g.clause) : g.clause.head,
  ...(presentColumn(g, row) ? { present: presentColumn(g, row) } : {}),
  column: rowKeyColumn(g, row) ?? snake(perKey(g) ? keyOf(g.clause) : g.clause.head),
  record: rowNames({ entity: record })[0] ?? record,
  ...(g.clause.holder ? { holder: g.clause.holder } : {}),
  ...(g.clause.lasting ? { lasting: true } : {}),
  ...(g.clause.party ? { party: g.clause.party.noun, effect: g.clause.party.effect } : {}),
});

/**
 * Mechanisms that hold a thing for one holder on a record of their own: a lease row (its holder's session and a
 * fencing token), a claimed run (its worker and attempt). A one-holder rule they keep sits on that record.
 */
const HOLDING_KEEPERS: ReadonlySet<string> = new Set(["lease", "claim-run"]);

/**
 * The record of the write that keeps a one-holder rule by a lease or a claimed run, when the design draws it: the
 * rule is that record's own (a Lease row is the lock's holder record), so no second record for the thing (a Lock row
 * beside the Lease) and no claim columns are added; undefined for any other guard.
 */
function onKeepersRecord(g: StatedGuard, rows: readonly DataModelRow[]): DataModelRow | undefined {
  if (g.clause.kind !== "one-holder" || g.rule.keptBy === undefined || !HOLDING_KEEPERS.has(g.rule.keptBy)) return;
  const writes = g.writes;
  return writes === undefined ? undefined : rows.find((r) => rowNames(r).includes(writes));
}

/**
 * The data model with each stated guard's record: the row that holds it gets the guard's columns and index (with why),
 * and a kind that keeps a record of its own (an effect line keyed by event id, a connection entry) gets one, owned by
 * the store of the rule's write (or the routing part, for a connection entry), when no row is it yet.
 */
export function guardedRecords(
  rows: readonly DataModelRow[],
  guards: readonly StatedGuard[],
  components: readonly ComponentRow[],
): DataModelRow[] {
  let out = [...rows];
  for (const g of guards) {
    const kept = onKeepersRecord(g, out);
    if (kept) {
      out = out.map((r) => (r === kept ? { ...r, because: r.because ? `${r.because}; ${g.because}` : g.because } : r));
      continue;
    }
    const row = guardedRow(g, out);
    const n = nounsOf(g, row?.entity ?? ownRecord(g) ?? thingRecord(g) ?? g.clause.head, row);
    const has = (f: string) => row?.fields.includes(f) || row?.key.includes(f);
    const fields = n.present ? [] : g.shape.fields(n).filter((f) => !has(f));
    const index = g.shape.index(n);
    const because = n.present
      ? `${g.because}: its ${n.present} is the time the gate releases it against, less the clock's error bound`
      : `${g.because}: ${index}`;
    if (row) {
      out = out.map((r) =>
        r === row
          ? {
              ...r,
              fields: [...r.fields, ...fields],
              // (a column the record already indexes for the guard, a run's due_at, needs no second index)
              indexes:
                r.indexes.includes(index) || (n.present && r.indexes.some((i) => i.includes(n.present as string)))
                  ? r.indexes
                  : [...r.indexes, index],
              because: r.because ? `${r.because}; ${because}` : because,
            }
          : r,
      );
      continue;
    }
    const own = ownRecord(g) ?? thingRecord(g);
    if (!own) continue;
    const owner = ownerOf(g, out, components);
    if (!owner) continue;
    const key = (ownRecord(g) ? g.shape.ownKey?.(n) : undefined) ?? (thingRecord(g) ? [`${n.column}_id`] : []);
    out.push({
      entity: own,
      key,
      fields: g.shape.fields(n).filter((f) => !key.includes(f)),
      indexes: [index],
      owner,
      archetype: g.rule.archetype,
      because,
    });
  }
  return out;
}

/** Words of a component that routes traffic (a sticky guard's connection table lives on it). */
const ROUTES = /\b(?:prox(?:y|ies)|(?:load )?balancers?|routers?|forwarders?|mux(?:es)?|data plane)\b/i;

/** Where a guard's own record lives: the routing part for a connection entry, else the store of the rule's write. */
function ownerOf(
  g: StatedGuard,
  rows: readonly DataModelRow[],
  components: readonly ComponentRow[],
): string | undefined {
  if (g.clause.kind === "sticky")
    return components.find((c) => c.kind !== "client" && c.kind !== "external" && ROUTES.test(c.name))?.id;
  const written = g.writes ? rows.find((r) => rowNames(r).includes(g.writes as string)) : undefined;
  return written?.owner ?? rows[0]?.owner;
}

/**
 * The API with each stated guard on the call that writes its record: the call whose words do the kind's act and name
 * the record or the thing (else the one the rule's write names) carries the guard's request fields (dropping those
 * it replaces: a create-only put names no expected version), answers its error and says its guarantee.
 */
export function guardedCalls(
  api: readonly ApiRow[],
  guards: readonly StatedGuard[],
  rows: readonly DataModelRow[],
  operations: readonly { phrase: string; entity: string }[],
): ApiRow[] {
  let out = [...api];
  for (const g of guards) {
    const kept = onKeepersRecord(g, rows);
    const row = kept ?? guardedRow(g, rows);
    const n = nounsOf(g, row?.entity ?? ownRecord(g) ?? thingRecord(g) ?? g.clause.head, row);
    const guardRequest = g.shape.request(n);
    if (guardRequest.length === 0) continue;
    const call = guardedCall(g, out, n, operations);
    if (!call) continue;
    // a rule the keeper's own record holds is already the call's own check: the call only says so
    if (kept) {
      out = out.map((a) => (a === call ? { ...a, because: `${a.because ? `${a.because}; ` : ""}${g.because}` } : a));
      continue;
    }
    const error = g.shape.error(n);
    const own = g.clause.kind === "quantity-bound" ? ownFields(call) : undefined;
    const guarantee = own?.retryKey ? g.shape.guarantee(n).replace(RETRY_CLAUSE, "") : g.shape.guarantee(n);
    const request = own ? guardRequest.filter((f) => !own.carries(f)) : guardRequest;
    out = out.map((a) =>
      a === call
        ? {
            ...a,
            request: [
              ...a.request.filter((f) => !g.shape.drops?.test(f)),
              ...request.filter((f) => !a.request.includes(f)),
            ],
            errors: [
              ...a.errors.filter((e) => !g.shape.drops?.test(e)),
              ...(a.errors.includes(error) || own?.refuses || saysFloorRefusal(g, a.errors) ? [] : [error]),
            ],
            guarantee: a.guarantee.includes(guarantee) ? a.guarantee : `${a.guarantee}; ${guarantee}`,
            because: `${a.because ? `${a.because}; ` : ""}${g.because}: the call carries ${guardRequest.map((f) => own?.said(f) ?? f).join(", ")}`,
          }
        : a,
    );
  }
  return out;
}

/** The guard's retry clause, left out where the call already names its own retry key. */
const RETRY_CLAUSE = /; a retry with the same idempotency_key applies once$/;
/** A call's own column for a bounded change's amount. */
const OWN_AMOUNT = /^(?:quantity|qty|units|count|amount)$/;
/** A call's own error for a change the bound refuses. */
const OWN_REFUSAL = /^409\b.*\b(?:too few|not enough|insufficient|below (?:zero|its)|would exceed)\b/i;

/**
 * What a call already carries of a bounded change's fields under its own names: its quantity is the amount, the key
 * its guarantee says a retry repeats ("a retry with the same movement_id") is the idempotency key, and a path
 * parameter ("{location_id}") is a key column. A field it carries so is not added a second time.
 */
function ownFields(a: ApiRow): {
  retryKey?: string;
  refuses: boolean;
  carries: (f: string) => boolean;
  said: (f: string) => string;
} {
  const retry = /\bretry with the same (\w+)/.exec(a.guarantee)?.[1];
  const retryKey = retry && a.request.includes(retry) ? retry : undefined;
  const amount = a.request.find((f) => OWN_AMOUNT.test(f));
  const inPath = (f: string) => a.call.includes(`{${f}}`);
  const mapped = (f: string) =>
    f === "amount" ? amount : f === "idempotency_key" ? retryKey : inPath(f) ? `${f} (in the path)` : undefined;
  return {
    ...(retryKey ? { retryKey } : {}),
    // the call already answers the refused change in its own words ("409 too few units on hand")
    refuses: a.errors.some((e) => OWN_REFUSAL.test(e)),
    carries: (f) => mapped(f) !== undefined,
    said: (f) => mapped(f) ?? f,
  };
}
/** An error that already refuses a change past a floor ("402 insufficient balance", "insufficient funds"). */
const FLOOR_REFUSAL = /\binsufficient (?:balance|funds|credit|credits|stock|points)\b|\bwould go below\b/i;

/** Whether a call's own errors already refuse what a floor guard's error would say a second time. */
const saysFloorRefusal = (g: StatedGuard, errors: readonly string[]): boolean =>
  g.clause.kind === "quantity-bound" && g.clause.side === "floor" && errors.some((e) => FLOOR_REFUSAL.test(e));

const FIRST_WRITE_KINDS: ReadonlySet<ClauseKind> = new Set<ClauseKind>([
  "effect-once",
  "party-overlap",
  "forward-only",
  "quantity-bound",
]);

/** The call that writes a guard's record: by its words and the record's or thing's name, else the rule's own write. */
function guardedCall(
  g: StatedGuard,
  api: readonly ApiRow[],
  n: GuardNouns,
  operations: readonly { phrase: string; entity: string }[],
): ApiRow | undefined {
  // (a call that sets a quantity's bound, "set limit", changes no quantity: the bound's own call is not the guard's)
  const setsBound = (a: ApiRow) =>
    g.clause.kind === "quantity-bound" &&
    /\b(?:limits?|quotas?|budgets?|caps?|allowances?|capacit(?:y|ies)|thresholds?|ceilings?)\b/i.test(
      `${a.operation} ${a.call}`,
    );
  const writing = api.filter(
    (a) => !/^GET\b/i.test(a.call) && g.shape.writes.test(`${a.operation} ${a.call}`) && !setsBound(a),
  );
  // a thing given to a holder is given by the call that names the holder ("accept an offer" by a courier, "find a
  // match"), not the call that creates the thing
  // (a noun is named as a word of the call, never inside another word: "lease" is no word of "release")
  const holder = g.clause.kind === "one-holder" && g.clause.holder ? g.clause.holder.toLowerCase() : undefined;
  const byHolder = holder ? writing.find((a) => namesNoun(`${a.operation} ${a.call}`, holder)) : undefined;
  if (byHolder) return byHolder;
  const nouns = [n.record, n.thing, g.writes ?? ""].filter(Boolean).map((w) => w.toLowerCase());
  const named = writing.find((a) => nouns.some((w) => namesNoun(`${a.operation} ${a.call}`, w)));
  if (named) return named;
  // the call of the rule's own write: the one whose words share most with the write's phrase
  // (else the design's first write a client makes: the request every effect line is keyed from)
  const phrase = operations.find((o) => o.phrase === g.rule.path || o.phrase.startsWith(g.rule.path))?.phrase;
  const stems = contentStems(phrase ?? "");
  const scored = writing
    .map((a) => ({ a, s: stemOverlap(stems, contentStems(a.operation)) }))
    .filter((x) => x.s >= 1)
    .sort((x, y) => y.s - x.s);
  // (an effect line, a party's busy intervals, a key's ordered or bounded row: else the design's first write a client
  // makes that does the kind's act, the request the guard is checked on)
  return (
    scored[0]?.a ??
    (FIRST_WRITE_KINDS.has(g.clause.kind) ? writing.find((a) => /^(?:POST|PUT)\b/i.test(a.call)) : undefined)
  );
}

/** A protocol step as the sequence diagrams draw it: from, to, operation and the check at the target. */
interface Step {
  from: string;
  to: string;
  operation: string;
  branch?: boolean;
  guard?: string;
}

/**
 * The protocols with each stated guard drawn where it is checked: at the component that owns the guarded record, on
 * the first step to it (in the first protocol that reaches it) that writes, before that component acknowledges: the
 * guard's check joins the step's own check, or becomes it. A step whose check already says it is left as it is.
 */
export function guardedSteps<P extends { steps: readonly Step[] }>(
  protocols: readonly P[],
  guards: readonly StatedGuard[],
  rows: readonly DataModelRow[],
): P[] {
  const out = protocols.map((p) => ({ ...p, steps: [...p.steps] }));
  for (const g of guards) {
    // (a rule the keeper's own record holds is checked by the keeper's own step)
    if (onKeepersRecord(g, rows)) continue;
    const row = guardedRow(g, rows);
    if (!row) continue;
    const n = nounsOf(g, row.entity, row);
    const check = g.shape.check(n);
    const stems = contentStems(check);
    let done = false;
    for (const p of out) {
      if (done) break;
      const at = p.steps.findIndex(
        (s) => s.to === row.owner && !s.branch && (s.guard !== undefined || g.shape.writes.test(s.operation)),
      );
      const step = p.steps[at];
      if (!step) continue;
      done = true;
      if (
        step.guard &&
        (g.shape.drawn?.test(step.guard) || stemOverlap(stems, contentStems(step.guard)) >= Math.min(3, stems.size))
      )
        continue;
      // a clause of the step's own check the guard replaces (a create-only write compares no version) goes
      const own = (step.guard ?? "").split(/\s+and\s+/).filter((x) => x && !g.shape.drops?.test(x));
      p.steps[at] = { ...step, guard: [...own, check].join(" and ") };
    }
  }
  return out as P[];
}
