/** A value the prompt stated, with the words that stated it: every NFR and figure read from the prompt carries one. */
export interface Stated<T> {
  value: T;
  /** The prompt's words that stated it. */
  quote: string;
  /** How words without a number were read as one ("three months: a bare plural unit says several of it"). */
  reading?: string;
}
