import { UserError } from "./errors.js";

/** Validates a --format value against the formats a command supports. */
export function pickFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  const v = (value ?? fallback).toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UserError(`unknown format '${value}': use one of ${allowed.join(", ")}`);
}
