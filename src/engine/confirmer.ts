/**
 * The outside party the prompt says confirms an outcome ("final only once the registry operator confirms it"), drawn
 * where the design does not already draw it: an external component for the party, the request that asks it and the
 * callback it answers with, a confirmation record per request that moves pending → confirmed | failed, and a
 * reconciler that asks the party about requests whose answer never came (a timeout leaves the outcome unknown, and only
 * the party knows it). Its reasons quote the prompt's words.
 */
import type { Architecture } from "./architecture.js";
import type { ComponentRow, DataModelRow, LinkRow } from "./design/types.js";
import type { statedConfirmation } from "./stated-stance.js";

type Confirmation = NonNullable<ReturnType<typeof statedConfirmation>>;

const upperFirst = (s: string) => `${s[0]?.toUpperCase() ?? ""}${s.slice(1)}`;
const slug = (s: string) => s.replace(/\W+/g, "-");

/** The record a request to the party is kept in, and its states. */
export const CONFIRMATION_ENTITY = "ConfirmationRequest";
export const CONFIRMATION_STATES = "state (pending → confirmed | failed)";

/** The architecture with the confirming party drawn (none added where a component already names its head word). */
export function withConfirmer(arch: Architecture, c: Confirmation | undefined, lead = ""): Architecture {
  if (!c) return arch;
  const head = c.party.split(" ").at(-1) ?? c.party;
  const named = new RegExp(`\\b${head}\\b`, "i");
  if (arch.components.some((x) => x.kind === "external" && named.test(x.name))) return arch;
  const outside = new Set(arch.components.filter((x) => x.kind === "external").map((x) => x.id));
  // the lead archetype's part that already calls out, else its entry service, else its first caller, else any part
  // that calls out or serves
  const ofLead = new Set(arch.components.filter((x) => x.archetype === lead).map((x) => x.id));
  const callsOut = (l: LinkRow) => l.kind === "request" && outside.has(l.to);
  const sender =
    arch.links.find((l) => callsOut(l) && ofLead.has(l.from))?.from ??
    arch.components.find((x) => x.kind === "service" && ofLead.has(x.id))?.id ??
    arch.links.find((l) => l.kind === "request" && ofLead.has(l.from))?.from ??
    arch.links.find(callsOut)?.from ??
    arch.components.find((x) => x.kind === "service")?.id ??
    arch.components.find((x) => x.kind !== "client" && x.kind !== "external")?.id;
  if (sender === undefined) return arch;
  const owner = arch.components.find((x) => x.id === sender)?.archetype ?? "";
  // the confirmation record lives beside the design's first record, on the part that keeps it
  const home = arch.dataModel[0]?.owner ?? sender;
  const said = `the prompt says '${c.quote}'`;
  const id = `confirmer-${slug(c.party)}`;
  const party: ComponentRow = {
    id,
    name: `${upperFirst(c.party)} (confirms each request)`,
    kind: "external",
    archetype: owner,
    holds: [],
    runs: ["confirm or reject each request under our request id", "answer a status query for a request id"],
    because: `${said}: the ${c.party} decides the outcome outside this design, so each request waits pending until it answers`,
  };
  const reconciler: ComponentRow = {
    id: `${id}-reconciler`,
    name: `Confirmation reconciler (${c.party})`,
    kind: "control-loop",
    archetype: owner,
    holds: [],
    runs: ["find requests pending past their deadline", "ask the party for their outcome and record it"],
    because: `${said}: a request whose answer was lost is neither confirmed nor failed until the ${c.party} is asked, and the request id makes asking again safe`,
  };
  const record: DataModelRow = {
    entity: CONFIRMATION_ENTITY,
    key: ["request_id"],
    fields: ["subject_id", CONFIRMATION_STATES, "sent_at", "answered_at", "party_ref"],
    indexes: ["(state, sent_at) for the reconciler's scan of pending requests"],
    partitionKey: "hash(request_id)",
    owner: home,
    archetype: owner,
    because: `${said}: one row per request sent to the ${c.party}, final only in a confirmed or failed state`,
  };
  const holder = arch.components.find((x) => x.id === home);
  const links: LinkRow[] = [
    { from: sender, to: id, kind: "request", label: "request confirmation under our request id" },
    { from: id, to: sender, kind: "callback", label: "confirmed or rejected" },
    { from: reconciler.id, to: id, kind: "request", label: "query outcome of a pending request" },
    { from: reconciler.id, to: home, kind: "control", label: "record confirmed or failed" },
  ];
  return {
    ...arch,
    components: [
      ...arch.components.map((x) => (x === holder ? { ...x, holds: [...x.holds, CONFIRMATION_ENTITY] } : x)),
      party,
      reconciler,
    ],
    links: [...arch.links, ...links],
    dataModel: [...arch.dataModel, record],
  };
}
