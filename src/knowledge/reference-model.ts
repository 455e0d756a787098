/**
 * The words a stance's reason starts with when its weaker model comes from the system the prompt names as its
 * reference (GFS's relaxed consistency). Kept apart from the zod schemas so a design never loads zod to read it.
 */
export const REFERENCE_MODEL = "the reference system's own model";
