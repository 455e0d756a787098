import type { CapacityInputSpec } from "../../capacity/types.js";

/**
 * A shared subject's participants, in the subject's own noun ("board", "subject"): fleet totals read a typical
 * subject's participants, and a stated per-subject count is the busiest subject's. One definition for every I13
 * capacity model that counts participants.
 */
export const participantInputs = (noun: string): CapacityInputSpec[] => [
  {
    quantity: "participants",
    from: {
      expression: "min(max_participants, 10)",
      why: `the stated count is the most one ${noun} holds; a typical ${noun} has about ten, and never more than that`,
    },
  },
  {
    quantity: "max_participants",
    from: {
      expression: "participants",
      why: `no per-${noun} maximum is stated, so the busiest ${noun} is sized at the typical count`,
    },
  },
];
