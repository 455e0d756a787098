/**
 * Starter formulas: arithmetic over named quantities (`leases / lease_seconds`).
 * A tiny recursive-descent parser so formulas are data, never eval'd code.
 */

export type Expr =
  | { kind: "num"; value: number }
  | { kind: "var"; name: string }
  | { kind: "neg"; arg: Expr }
  | { kind: "bin"; op: "+" | "-" | "*" | "/" | "^"; left: Expr; right: Expr }
  | { kind: "call"; fn: (typeof FUNCTIONS)[number]; args: Expr[] };

/** max and min of their arguments; ceil(x) rounds up, floor(x) down; log(x, base) is the logarithm of x in that base. */
const FUNCTIONS = ["max", "min", "ceil", "floor", "log"] as const;

type Token = { t: "num"; v: number } | { t: "id"; v: string } | { t: "op"; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([a-z][a-z0-9_]*)|([-+*/^(),]))/iy;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) throw new Error(`unexpected '${src.slice(pos).trim().slice(0, 10)}'`);
    if (m[1] !== undefined) out.push({ t: "num", v: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ t: "id", v: m[2] });
    else out.push({ t: "op", v: m[3] ?? "" });
    pos = re.lastIndex;
  }
  return out;
}

export function parseFormula(src: string): Expr {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const take = (v: string) => {
    const tk = toks[i];
    if (tk?.t === "op" && tk.v === v) {
      i++;
      return true;
    }
    return false;
  };
  const primary = (): Expr => {
    const tk = toks[i++];
    if (!tk) throw new Error("expression ends early");
    if (tk.t === "num") return { kind: "num", value: tk.v };
    if (tk.t === "id") {
      const fn = FUNCTIONS.find((f) => f === tk.v);
      if (fn && take("(")) {
        const args = [sum()];
        while (take(",")) args.push(sum());
        if (!take(")")) throw new Error("missing ')'");
        return { kind: "call", fn, args };
      }
      return { kind: "var", name: tk.v };
    }
    if (tk.v === "(") {
      const e = sum();
      if (!take(")")) throw new Error("missing ')'");
      return e;
    }
    if (tk.v === "-") return { kind: "neg", arg: power() };
    throw new Error(`unexpected '${tk.v}'`);
  };
  const power = (): Expr => {
    const base = primary();
    if (take("^")) return { kind: "bin", op: "^", left: base, right: power() };
    return base;
  };
  const product = (): Expr => {
    let left = power();
    for (;;) {
      const tk = peek();
      if (tk?.t === "op" && (tk.v === "*" || tk.v === "/")) {
        i++;
        left = { kind: "bin", op: tk.v, left, right: power() };
      } else return left;
    }
  };
  const sum = (): Expr => {
    let left = product();
    for (;;) {
      const tk = peek();
      if (tk?.t === "op" && (tk.v === "+" || tk.v === "-")) {
        i++;
        left = { kind: "bin", op: tk.v, left, right: product() };
      } else return left;
    }
  };
  const e = sum();
  if (i < toks.length) throw new Error(`unexpected '${String(toks[i]?.v)}'`);
  return e;
}

/** Visits every node of a formula, parents before children, left to right. */
function visit(e: Expr, fn: (node: Expr) => void): void {
  fn(e);
  if (e.kind === "neg") visit(e.arg, fn);
  else if (e.kind === "bin") {
    visit(e.left, fn);
    visit(e.right, fn);
  } else if (e.kind === "call") for (const a of e.args) visit(a, fn);
}

export function formulaVariables(e: Expr, acc: Set<string> = new Set()): Set<string> {
  visit(e, (n) => {
    if (n.kind === "var") acc.add(n.name);
  });
  return acc;
}

/** Every number written into a formula, in order ("3 * tasks_per_sec" -> [3]). */
export function formulaConstants(e: Expr, acc: number[] = []): number[] {
  visit(e, (n) => {
    if (n.kind === "num") acc.push(n.value);
  });
  return acc;
}

/** The logarithm of x in a base: none for x or a base that is not positive, or a base of 1. */
const logOf = (x: number, base: number): number =>
  x > 0 && base > 0 && base !== 1 ? Math.log(x) / Math.log(base) : Number.NaN;

/** Evaluates with the given values; returns undefined when a variable is unknown or the result is not finite. */
export function evaluateFormula(e: Expr, values: Readonly<Record<string, number>>): number | undefined {
  const ev = (x: Expr): number | undefined => {
    switch (x.kind) {
      case "num":
        return x.value;
      case "var":
        return values[x.name];
      case "neg": {
        const a = ev(x.arg);
        return a === undefined ? undefined : -a;
      }
      case "call": {
        const args = x.args.map(ev);
        if (args.some((a) => a === undefined)) return undefined;
        const nums = args as number[];
        const r =
          x.fn === "max"
            ? Math.max(...nums)
            : x.fn === "min"
              ? Math.min(...nums)
              : x.fn === "ceil"
                ? Math.ceil(nums[0] ?? Number.NaN)
                : x.fn === "floor"
                  ? Math.floor(nums[0] ?? Number.NaN)
                  : logOf(nums[0] ?? Number.NaN, nums[1] ?? Number.NaN);
        return Number.isFinite(r) ? r : undefined;
      }
      case "bin": {
        const a = ev(x.left);
        const b = ev(x.right);
        if (a === undefined || b === undefined) return undefined;
        const r = x.op === "+" ? a + b : x.op === "-" ? a - b : x.op === "*" ? a * b : x.op === "/" ? a / b : a ** b;
        return Number.isFinite(r) ? r : undefined;
      }
    }
  };
  return ev(e);
}
