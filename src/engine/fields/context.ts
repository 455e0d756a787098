import type { Deriver } from "../design/graph.js";
import type { ExecutionContext, RunsIn } from "../design/types.js";

function runsIn(op: { operation: string; hidden: boolean; interaction: string }): { runsIn: RunsIn; because: string } {
  if (op.hidden && op.operation !== "async process")
    return { runsIn: "control loop", because: "a hidden write is kept up by a background loop, not by a caller" };
  if (op.operation === "async process" || op.interaction === "async side-effect target")
    return { runsIn: "async worker", because: "it happens after the caller is answered, driven by a worker" };
  return { runsIn: "request path", because: "a caller waits for it, so it must be fast and safe to retry" };
}

/** The actors of this design that can stop half-way, named by what their paths do. */
function crashActors(ops: readonly { phrase: string; entity: string; operation: string; hidden: boolean }[]): string[] {
  const text = ops.map((o) => `${o.phrase} ${o.entity}`).join(" ");
  const out: string[] = [];
  if (/\b(lease|claim|lock|holder)/i.test(text)) out.push("a holder mid-lease");
  if (/\b(replicat|quorum|follower|in-sync|majority)/i.test(text)) out.push("a leader mid-replication");
  if (/\b(provider|outbox|webhook|charge|external)/i.test(text))
    out.push("a sender between calling out and recording the outcome");
  if (ops.some((o) => o.operation === "async process" || o.hidden)) out.push("a worker mid-task");
  return out.length > 0 ? out : ["a server between accepting a write and making it durable"];
}

export const contextField: Deriver<"context"> = {
  field: "context",
  category: "Classified",
  reads: ["operations", "nfrs"],
  rule: "each path runs in the request path, an async worker or a control loop; retries, crashes, clocks and regions follow from the operations and the NFRs",
  derive: (f) => {
    const paths: ExecutionContext["paths"] = f.operations
      .filter((o) => o.operation !== "read source" && o.operation !== "read projection")
      .map((o) => ({ path: o.phrase, ...runsIn(o) }));
    const timed = f.operations.some((o) =>
      /lease|heartbeat|renew|expir|ttl|due|timer|timeout/i.test(`${o.phrase} ${o.entity}`),
    );
    const n = f.nfrs;
    return {
      paths,
      retries:
        n.delivery.value === "at-most-once"
          ? "callers do not retry a write whose outcome is unknown; a lost one is accepted (at-most-once)"
          : "callers and workers retry on timeout, so every write may arrive more than once and must be safe to repeat",
      crashes: `any actor can crash between acting and recording: ${crashActors(f.operations).join(", ")}; recovery must find and finish or undo that half-step`,
      clocks: timed
        ? "expiry decisions use the authority's clock; holders assume bounded drift and renew well before expiry, and nothing trusts a client clock for correctness"
        : "no correctness decision depends on wall-clock time; ordering comes from versions and sequence numbers",
      regions:
        n.regions.value > 1
          ? `${n.regions.value} regions: ${n.consistency.value === "linearizable" ? "writes pay a cross-region quorum round trip" : "each region accepts writes locally and replicates asynchronously"}`
          : "one region; replicas spread across zones so a zone loss keeps a majority",
      failureStance:
        n.availability.value === "fail-closed"
          ? `fails closed: under partition it refuses rather than risk a wrong answer (${n.availability.because})`
          : `stays up: under partition it keeps serving, possibly stale, and reconciles afterwards (${n.availability.because})`,
    };
  },
};
