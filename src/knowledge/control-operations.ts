import type { Operation } from "./schema.js";

/**
 * The control operations a prompt may grant on a record ("teams can pause or edit a schedule", "users can mute
 * categories"): each verb with the shared operation it is (FRAMEWORK.md §4), the states it moves the record between
 * (none for an edit, which overwrites a value under a version check), and why the write is guarded. A verb is read
 * only where words grant it to someone (knowledge/requirement-kinds.ts `control`), so a "GC pause" or a "resumed
 * download" is no control of a record. `cancel` and `reschedule` are also rows of the alias table
 * (knowledge/aliases.ts), which reads them wherever they stand; a clause the alias table reads is not read twice.
 */
export interface ControlOperation {
  verb: string;
  operation: Operation;
  /** The state the record must be in, and the state it moves to; absent for an overwrite. */
  from?: string;
  to?: string;
  note: string;
}

export const CONTROL_OPERATIONS: readonly ControlOperation[] = [
  {
    verb: "cancel",
    operation: "state transition",
    from: "pending",
    to: "cancelled",
    note: "Cancelling succeeds only while the record has not reached a final state; a cancel that loses the race to completion is refused, not applied twice.",
  },
  {
    verb: "reschedule",
    operation: "overwrite current value",
    note: "Rescheduling replaces the record's time under a version check, so a concurrent change or a run already claimed is not silently overwritten.",
  },
  {
    verb: "pause",
    operation: "state transition",
    from: "active",
    to: "paused",
    note: "Pausing moves the record from active to paused only while it is active; a paused record is skipped by whatever acts on it, and nothing already started is undone.",
  },
  {
    verb: "resume",
    operation: "state transition",
    from: "paused",
    to: "active",
    note: "Resuming moves a paused record back to active; what fell due while it was paused is either skipped or run once, never once per missed tick.",
  },
  {
    verb: "suspend",
    operation: "state transition",
    from: "active",
    to: "suspended",
    note: "Suspending moves the record to suspended only while it is active, so a second suspend or one racing a delete is refused, not applied twice.",
  },
  {
    verb: "disable",
    operation: "state transition",
    from: "enabled",
    to: "disabled",
    note: "Disabling flips the record to disabled under a guard on its current state; readers that serve from it stop at their next read of the flag.",
  },
  {
    verb: "enable",
    operation: "state transition",
    from: "disabled",
    to: "enabled",
    note: "Enabling flips a disabled record back under a guard on its current state.",
  },
  {
    verb: "mute",
    operation: "state transition",
    from: "unmuted",
    to: "muted",
    note: "Muting sets the record muted for its owner; whatever sends on it checks the flag at send time, so a message already handed on may still arrive once.",
  },
  {
    verb: "unmute",
    operation: "state transition",
    from: "muted",
    to: "unmuted",
    note: "Unmuting clears the flag; nothing held back while muted is replayed unless the design says so.",
  },
  {
    verb: "unsubscribe",
    operation: "state transition",
    from: "subscribed",
    to: "unsubscribed",
    note: "Unsubscribing ends the subscription for its owner; whatever fans out checks it at send time, so a message already handed on may still arrive once.",
  },
  {
    verb: "snooze",
    operation: "state transition",
    from: "active",
    to: "snoozed",
    note: "Snoozing holds the record until a stated time, after which it is active again without another call.",
  },
  {
    verb: "archive",
    operation: "state transition",
    from: "active",
    to: "archived",
    note: "Archiving moves the record out of the active set without deleting it, so it can be restored.",
  },
  {
    verb: "restore",
    operation: "state transition",
    from: "archived",
    to: "active",
    note: "Restoring moves an archived or deleted record back to active while it is still kept.",
  },
  {
    verb: "revoke",
    operation: "state transition",
    from: "active",
    to: "revoked",
    note: "Revoking is one way: a revoked record is never active again, and every check made after the revoke sees it.",
  },
  {
    verb: "withdraw",
    operation: "state transition",
    from: "pending",
    to: "withdrawn",
    note: "Withdrawing succeeds only while the record is still pending; one already acted on is refused.",
  },
  {
    verb: "reopen",
    operation: "state transition",
    from: "closed",
    to: "open",
    note: "Reopening moves a closed record back to open under a guard on its current state.",
  },
  {
    verb: "delete",
    operation: "state transition",
    from: "live",
    to: "deleted",
    note: "Deleting marks the record deleted (a tombstone) so a lagging copy cannot bring it back.",
  },
  {
    verb: "remove",
    operation: "state transition",
    from: "live",
    to: "deleted",
    note: "Removing marks the record deleted (a tombstone) so a lagging copy cannot bring it back.",
  },
  {
    verb: "edit",
    operation: "overwrite current value",
    note: "An edit replaces the record's value under the version the editor read, so a concurrent edit is refused rather than silently lost.",
  },
  {
    verb: "update",
    operation: "overwrite current value",
    note: "An update replaces the record's value under the version the caller read, so a concurrent change is refused rather than silently lost.",
  },
  {
    verb: "modify",
    operation: "overwrite current value",
    note: "A change replaces the record's value under the version the caller read, so a concurrent change is refused rather than silently lost.",
  },
  {
    verb: "change",
    operation: "overwrite current value",
    note: "A change replaces the record's value under the version the caller read, so a concurrent change is refused rather than silently lost.",
  },
  {
    verb: "rename",
    operation: "overwrite current value",
    note: "A rename replaces the record's name under the version the caller read; the record's key does not change.",
  },
];

/** The control operation a verb as the prompt inflects it names ("paused", "mutes", "editing"), if any. */
export function controlOperation(word: string): ControlOperation | undefined {
  const w = word.toLowerCase();
  return CONTROL_OPERATIONS.find((c) => {
    const stem = c.verb.replace(/e$/, "");
    return w.startsWith(stem) && /^(?:|e|s|es|d|ed|ing)$/.test(w.slice(stem.length));
  });
}
