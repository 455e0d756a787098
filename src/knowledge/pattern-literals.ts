/**
 * The literal texts a regular expression cannot match without: a list such that every match of the pattern holds
 * at least one of them, or undefined where no such list is found (a part that may match anything, or a list that
 * would be too long). A pattern whose literals a text holds none of cannot match it, so its caller may skip it
 * before V8 compiles it: a one-shot design compiles each pattern it runs to machine code (~0.2 ms for a long
 * alternation), and most of the knowledge's patterns never match a given prompt.
 *
 * Exact for a pattern without flags run on the same text (case-sensitive): a zero-width part (`\b`, `^`, a
 * lookaround) is read as matching the empty text, which only widens what the pattern is taken to match; a class,
 * an escape for a class of characters or a back-reference as matching anything. Throws on a source it cannot read.
 */
export function requiredLiterals(source: string): readonly string[] | undefined {
  const parser = new Parser(source);
  const info = parser.alternation();
  if (parser.at < source.length) throw new Error(`pattern literals: unexpected '${source[parser.at]}' in /${source}/`);
  const req = info.req;
  return req && req.length > 0 && !req.includes("") ? req : undefined;
}

/** What a part of a pattern may match: `exact`, every text it may consume (or null: too many); `req`, as above. */
interface Info {
  exact: readonly string[] | null;
  req: readonly string[] | null;
}

/** Longer lists are not worth checking one by one (and a product of lists grows fast). */
const MAX = 64;
/** The longest list of texts an alternation's parts may join into. */
const MAX_LIST = 160;
const ANY: Info = { exact: null, req: null };
const EMPTY: Info = { exact: [""], req: null };
const literal = (c: string): Info => ({ exact: [c], req: [c] });

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];
/** Without a text that holds another of the list: a text holding it holds the other too. */
const minimal = (xs: readonly string[]): string[] =>
  unique(xs).filter((x, _, all) => !all.some((y) => y !== x && x.includes(y)));
/** Every a + b; null when either is unknown or the product is too long. */
function product(a: readonly string[] | null, b: readonly string[] | null): string[] | null {
  if (a === null || b === null || a.length * b.length > MAX) return null;
  return unique(a.flatMap((x) => b.map((y) => x + y)));
}
/** A list a match must hold one of, if it is one: no empty text (which every text holds). */
const usable = (xs: readonly string[] | null): readonly string[] | null =>
  xs !== null && xs.length > 0 && !xs.includes("") && xs.length <= MAX_LIST * 4 ? tooLong(minimal(xs)) : null;
const tooLong = (xs: readonly string[]): readonly string[] | null => (xs.length <= MAX_LIST ? xs : null);
/**
 * The more telling of two lists: the one whose shortest text is longer, up to 5 characters (a prompt holds few
 * such texts by chance), then the shorter list (fewer texts to look for), then the longer shortest text.
 */
function better(a: readonly string[] | null, b: readonly string[] | null): readonly string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  const la = Math.min(...a.map((s) => s.length));
  const lb = Math.min(...b.map((s) => s.length));
  if (Math.min(la, 5) !== Math.min(lb, 5)) return la > lb ? a : b;
  if (a.length !== b.length) return a.length < b.length ? a : b;
  return la >= lb ? a : b;
}

function sequence(parts: readonly Info[]): Info {
  let exact: string[] | null = [""];
  let req: readonly string[] | null = null;
  // a run of parts whose texts are all known gives their products; a run too long to multiply starts again
  let run: string[] | null = [""];
  for (const p of parts) {
    exact = product(exact, p.exact);
    req = better(req, usable(p.req));
    if (p.exact === null) {
      req = better(req, usable(run));
      run = [""];
      continue;
    }
    const next = product(run, p.exact);
    if (next === null) {
      req = better(req, usable(run));
      run = [...p.exact];
    } else run = next;
  }
  req = better(req, usable(run));
  return { exact, req };
}

function alternatives(parts: readonly Info[]): Info {
  const known = parts.every((p) => p.exact !== null);
  const all = parts.flatMap((p) => p.exact ?? []);
  const exact = !known || all.length > MAX ? null : unique(all);
  const reqs = parts.map((p) => better(usable(p.req), usable(p.exact)));
  const joined = reqs.includes(null) ? null : minimal(reqs.flatMap((r) => r ?? []));
  return { exact, req: usable(joined) };
}

function repeated(p: Info, min: number, max: number): Info {
  let exact: string[] | null = null;
  if (p.exact !== null && Number.isFinite(max) && max <= 4) {
    exact = [];
    let power: string[] | null = [""];
    for (let k = 0; k <= max && exact !== null; k++) {
      if (k >= min) exact = power === null ? null : unique([...exact, ...power]);
      if (k < max) power = product(power, p.exact);
    }
    if (exact !== null && exact.length > MAX) exact = null;
  }
  const req = min >= 1 ? better(usable(p.req), usable(p.exact)) : null;
  return { exact, req: better(req, usable(exact)) };
}

class Parser {
  at = 0;
  constructor(private readonly src: string) {}

  alternation(): Info {
    const parts = [this.sequence()];
    while (this.src[this.at] === "|") {
      this.at++;
      parts.push(this.sequence());
    }
    return parts.length === 1 ? (parts[0] as Info) : alternatives(parts);
  }

  private sequence(): Info {
    const parts: Info[] = [];
    while (this.at < this.src.length && this.src[this.at] !== "|" && this.src[this.at] !== ")") {
      const atom = this.atom();
      parts.push(this.quantified(atom));
    }
    return sequence(parts);
  }

  private quantified(atom: Info): Info {
    const rest = this.src.slice(this.at);
    const q = /^(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})/.exec(rest);
    if (!q) return atom;
    this.at += q[0].length;
    if (this.src[this.at] === "?") this.at++; // lazy: the same texts
    if (q[1] === "?") return repeated(atom, 0, 1);
    if (q[1] === "*") return repeated(atom, 0, Number.POSITIVE_INFINITY);
    if (q[1] === "+") return repeated(atom, 1, Number.POSITIVE_INFINITY);
    const min = Number(q[2]);
    const max = q[3] === undefined ? min : q[4] === "" ? Number.POSITIVE_INFINITY : Number(q[4]);
    return repeated(atom, min, max);
  }

  private atom(): Info {
    const c = this.src[this.at] as string;
    if (c === "(") return this.group();
    if (c === "[") return this.charClass();
    if (c === "\\") return this.escape(false);
    this.at++;
    if (c === ".") return ANY;
    if (c === "^" || c === "$") return EMPTY;
    if (c === "*" || c === "+" || c === "?")
      throw new Error(`pattern literals: nothing to repeat at ${this.at - 1} in /${this.src}/`);
    return literal(c);
  }

  private group(): Info {
    const rest = this.src.slice(this.at);
    const head = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(rest)?.[0] ?? "(";
    this.at += head.length;
    const inner = this.alternation();
    if (this.src[this.at] !== ")") throw new Error(`pattern literals: unclosed group in /${this.src}/`);
    this.at++;
    // a lookaround consumes nothing
    return head === "(?=" || head === "(?!" || head === "(?<=" || head === "(?<!" ? EMPTY : inner;
  }

  /** A class of a few plain characters is its characters; any other class may be anything. */
  private charClass(): Info {
    const start = this.at;
    this.at++;
    const negated = this.src[this.at] === "^";
    if (negated) this.at++;
    const chars: string[] = [];
    let plain = !negated;
    while (this.at < this.src.length && this.src[this.at] !== "]") {
      const c = this.src[this.at] as string;
      if (c === "\\") {
        const e = this.escape(true);
        if (e.exact === null) plain = false;
        else chars.push(...e.exact);
        continue;
      }
      // a range (not a '-' first or last)
      if (c === "-" && chars.length > 0 && this.src[this.at + 1] !== "]") plain = false;
      chars.push(c);
      this.at++;
    }
    if (this.src[this.at] !== "]") throw new Error(`pattern literals: unclosed class at ${start} in /${this.src}/`);
    this.at++;
    return plain && chars.length > 0 && chars.length <= 8 ? { exact: unique(chars), req: null } : ANY;
  }

  private escape(inClass: boolean): Info {
    const c = this.src[this.at + 1];
    if (c === undefined) throw new Error(`pattern literals: a pattern ends in '\\': /${this.src}/`);
    this.at += 2;
    if (!inClass && (c === "b" || c === "B")) return EMPTY;
    if ("dDwWsSbB".includes(c)) return ANY;
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(this.src[this.at] ?? "")) this.at++;
      return ANY;
    }
    if (c === "k") {
      const name = /^<[^>]*>/.exec(this.src.slice(this.at));
      if (name) this.at += name[0].length;
      return ANY;
    }
    if (c === "u" || c === "x" || c === "c" || c === "p" || c === "P" || c === "0") {
      // code points written as escapes, control characters and property classes: not read, may be anything
      const m = /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\}|[0-9a-fA-F]{2}|[A-Za-z]|\{[^}]*\})?/.exec(this.src.slice(this.at));
      this.at += m?.[0].length ?? 0;
      return ANY;
    }
    const controls: Record<string, string> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v" };
    return literal(controls[c] ?? c);
  }
}

/**
 * The literals of a pattern as compiled, lowered, so they hold for a lowered text whatever the pattern's case flag:
 * a text the pattern matches holds a literal's characters in some case, and lowering the text lowers them. Read only
 * from an ASCII source with flags that do not change what a literal means (`u` and `v` change escapes); undefined
 * where none are found. Reading a long pattern takes a millisecond or more, so it is done at build time
 * (scripts/build-kb.ts) and looked up with `literalGate`.
 */
export function loweredLiterals(re: RegExp): readonly string[] | undefined {
  if (!/^[dgimsy]*$/.test(re.flags) || !/^[\x20-\x7e]*$/.test(re.source)) return undefined;
  const found = requiredLiterals(re.source);
  return found ? [...new Set(found.map((l) => l.toLowerCase()))] : undefined;
}

/** How a pattern is keyed in a table of its literals: by what it matches, its flags and source. */
export const patternKey = (re: RegExp): string => `${re.flags}/${re.source}`;

/**
 * A check that is false only where a pattern cannot match a text whose lowered form is `lowered` (or any part of
 * it): the text holds none of the literals the table lists for the pattern. A pattern the table does not list (or
 * lists under another source: a stale table costs time, never an answer) is always run. Each pattern object is
 * looked up once, so only fixed patterns (module constants) should be asked.
 */
export function literalGate(
  table: Readonly<Record<string, readonly string[]>>,
): (re: RegExp, lowered: string) => boolean {
  const seen = new WeakMap<RegExp, readonly string[] | null>();
  return (re, lowered) => {
    let literals = seen.get(re);
    if (literals === undefined) {
      literals = Object.hasOwn(table, patternKey(re)) ? (table[patternKey(re)] ?? null) : null;
      seen.set(re, literals);
    }
    return literals === null || literals.some((l) => lowered.includes(l));
  };
}

/**
 * Which of several literal lists a text holds a literal of, in one pass over the text: for each list, exactly
 * `literals.some((l) => text.includes(l))`. The literals are an Aho-Corasick automaton: a trie by character
 * whose missing edges are filled in from each node's longest proper suffix in the trie, so the text is read once,
 * one table look-up per character, and each node lists every list a literal ending there or at one of its suffixes
 * belongs to. The table has a column per character some literal holds (any other character leads back to the root),
 * a row per node. Walking the trie afresh from every place in the text, as this did before, cost ~300-500 µs a
 * 4,000-character text, two texts of each such design; the automaton ~30 µs (tsx micro-bench, bench/NOTES.md).
 * Asking 46 topics' 1,099 literals with `includes` took ~150 µs a short prompt, more than running the compiled
 * patterns.
 */
export class LiteralIndex {
  /** Per ASCII character code: its column (0: no literal holds it). */
  private readonly asciiColumn = new Int32Array(128);
  /** The columns of the other characters some literal holds. */
  private readonly otherColumn = new Map<number, number>();
  private readonly columns: number;
  /** Per node and column (node * columns + column): the node the text is at after that character. */
  private readonly move: Uint16Array | Int32Array;
  /** Per node: where its lists start in `ends` (and at node + 1, where the next node's start). */
  private readonly listStart: Int32Array;
  /** The lists whose literal ends at each node or at one of its suffixes, node after node (none at the root). */
  private readonly ends: Int32Array;
  /** The lists of the empty literal, held by every text. */
  private readonly everywhere: readonly number[];
  private readonly count: number;
  constructor(lists: readonly (readonly string[])[]) {
    this.count = lists.length;
    // the trie as Maps by column, nodes numbered in creation order (the root is 0)
    let columns = 1;
    const columnOf = (code: number): number => {
      let column = code < 128 ? (this.asciiColumn[code] as number) : (this.otherColumn.get(code) ?? 0);
      if (column === 0) {
        column = columns++;
        if (code < 128) this.asciiColumn[code] = column;
        else this.otherColumn.set(code, column);
      }
      return column;
    };
    const next: Map<number, number>[] = [new Map()];
    const ending: number[][] = [[]];
    lists.forEach((literals, list) => {
      for (const literal of literals) {
        let node = 0;
        for (let i = 0; i < literal.length; i++) {
          const column = columnOf(literal.charCodeAt(i));
          let child = next[node]?.get(column);
          if (child === undefined) {
            child = next.length;
            next.push(new Map());
            ending.push([]);
            next[node]?.set(column, child);
          }
          node = child;
        }
        const here = ending[node] as number[];
        if (!here.includes(list)) here.push(list);
      }
    });
    const n = next.length;
    this.columns = columns;
    this.everywhere = ending[0] as number[];
    // breadth first, so a node's suffix (shallower) has its row and lists complete when the node reads them
    const move = n <= 0xffff ? new Uint16Array(n * columns) : new Int32Array(n * columns);
    const suffix = new Int32Array(n);
    const all: number[][] = new Array(n);
    all[0] = [];
    const queue: number[] = [0];
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q] as number;
      const edges = next[node] as Map<number, number>;
      const row = node * columns;
      const suffixRow = (suffix[node] as number) * columns;
      for (let column = 1; column < columns; column++) {
        const child = edges.get(column);
        if (child === undefined) {
          move[row + column] = node === 0 ? 0 : (move[suffixRow + column] as number);
          continue;
        }
        move[row + column] = child;
        const to = node === 0 ? 0 : (move[suffixRow + column] as number);
        suffix[child] = to;
        const own = ending[child] as number[];
        const inherited = all[to] as number[];
        all[child] = inherited.length === 0 ? own : [...new Set([...own, ...inherited])];
        queue.push(child);
      }
    }
    this.move = move;
    this.listStart = new Int32Array(n + 1);
    const ends: number[] = [];
    for (let node = 0; node < n; node++) {
      this.listStart[node] = ends.length;
      if (node !== 0) ends.push(...(all[node] as number[]));
    }
    this.listStart[n] = ends.length;
    this.ends = Int32Array.from(ends);
  }
  /** For each list, by its place: whether the text holds one of its literals. */
  holds(text: string): boolean[] {
    const held = new Array<boolean>(this.count).fill(false);
    for (const list of this.everywhere) held[list] = true;
    const { asciiColumn, otherColumn, columns, move, listStart, ends } = this;
    const n = text.length;
    let node = 0;
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const column = code < 128 ? (asciiColumn[code] as number) : (otherColumn.get(code) ?? 0);
      node = move[node * columns + column] as number;
      const end = listStart[node + 1] as number;
      for (let k = listStart[node] as number; k < end; k++) held[ends[k] as number] = true;
    }
    return held;
  }
}

/**
 * A `LiteralIndex` that is built only once it earns its cost: building the trie takes milliseconds to tens of
 * milliseconds, which a one-shot command would pay for one prompt, so a process's first texts ask each list with
 * `includes` (the same answer) and the index is built after `after` texts.
 */
export class LazyLiteralIndex {
  private index: LiteralIndex | undefined;
  private read = 0;
  constructor(
    private readonly lists: readonly (readonly string[])[],
    private readonly after = 64,
  ) {}
  /** For each list, by its place: whether the text holds one of its literals. */
  holds(text: string): boolean[] {
    if (this.index === undefined && this.read < this.after) {
      this.read++;
      return this.lists.map((literals) => literals.some((l) => text.includes(l)));
    }
    this.index ??= new LiteralIndex(this.lists);
    return this.index.holds(text);
  }
}
