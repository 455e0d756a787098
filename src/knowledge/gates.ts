/**
 * The companion-gate registry: one line per gate module under ./gates/. A predicate that holds adds its
 * companions (./predicates.ts); a gate may leave one out when the design lacks what it needs.
 */

import consensusReplication from "./gates/consensus-replication.js";
import dedupWindow from "./gates/dedup-window.js";
import type { GateModule } from "./gates/define.js";
import epochTerm from "./gates/epoch-term.js";
import expirySweeper from "./gates/expiry-sweeper.js";
import fencingToken from "./gates/fencing-token.js";
import lease from "./gates/lease.js";
import projectorCheckpoint from "./gates/projector-checkpoint.js";
import putIfAbsent from "./gates/put-if-absent.js";
import replayRebuild from "./gates/replay-rebuild.js";
import saga from "./gates/saga.js";
import syncStandbyReplication from "./gates/sync-standby-replication.js";
import tombstones from "./gates/tombstones.js";
import transaction from "./gates/transaction.js";
import ttlExpiry from "./gates/ttl-expiry.js";

export const GATE_MODULES: readonly GateModule[] = [
  putIfAbsent,
  saga,
  transaction,
  tombstones,
  fencingToken,
  lease,
  ttlExpiry,
  expirySweeper,
  consensusReplication,
  epochTerm,
  syncStandbyReplication,
  projectorCheckpoint,
  replayRebuild,
  dedupWindow,
];

export const GATE_BY_MECHANISM: ReadonlyMap<string, GateModule> = new Map(GATE_MODULES.map((g) => [g.mechanism, g]));
