import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { deriveDesign } from "../src/engine/design/design.js";
import { formatQuantity, grouped, shownCount } from "../src/engine/quantity-format.js";
import { design, designBlocks, toTerminal } from "../src/lib/index.js";
import { withScript } from "../src/render/script/index.js";
import { createApp } from "../src/server/app.js";
import { openDb } from "../src/store/db.js";
import { SessionStore } from "../src/store/sessions.js";
import { cli } from "./helpers.js";

/** Edge refusals and readable numbers: bad input gets a clear error, nothing is silently wrong. */
const BIN = fileURLToPath(new URL("../bin/mechsd", import.meta.url));
const LOCK = "Design a distributed lock service";
const STRAY = "decision.i05-acks=acks-leader";

function api() {
  const store = new SessionStore(openDb(":memory:"), () => "2026-01-01T00:00:00.000Z");
  const app = createApp({ store, files: new Map(), reach: { names: new Set(["127.0.0.1"]), port: 4477 } });
  const send = async (method: string, path: string, body: unknown) => {
    const r = await app.request(`http://127.0.0.1:4477${path}`, {
      method,
      headers: { host: "127.0.0.1:4477", "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: r.status, json: (await r.json()) as Record<string, unknown> };
  };
  return { store, send };
}

describe("a decision override the design does not make", () => {
  it("is refused, naming the design's own decisions and who argues the asked one", () => {
    const r = deriveDesign(LOCK, [STRAY]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/does not make the decision 'i05-acks'/);
    expect(r.error).toMatch(/I05 .* argues it/);
    expect(r.error).toMatch(/its decisions: i02-lock-store, i02-lease-length\b/);
    // one the design makes is still taken
    const ok = deriveDesign(LOCK, ["decision.i02-lease-length=long-leases"]);
    expect(ok.ok && ok.design.decisions.find((d) => d.id === "i02-lease-length")?.chosen).toBe("long-leases");
  });

  it("is a 400 JSON refusal from /api/design, session create and update, and import", async () => {
    const { send, store } = api();
    for (const [path, body] of [
      ["/api/design", { prompt: LOCK, overrides: [STRAY] }],
      ["/api/sessions", { prompt: LOCK, overrides: [STRAY] }],
      ["/api/import", { format: "mechsd-session", version: 1, name: "x", prompt: LOCK, overrides: [STRAY] }],
    ] as const) {
      const r = await send("POST", path, body);
      expect(r.status, path).toBe(400);
      expect(String(r.json.error), path).toMatch(
        /does not make the decision 'i05-acks'.*its decisions: i02-lock-store/,
      );
    }
    expect(store.list()).toHaveLength(0);
    const made = await send("POST", "/api/sessions", { prompt: LOCK });
    const put = await send("PUT", `/api/sessions/${String(made.json.id)}`, { overrides: [STRAY] });
    expect(put.status).toBe(400);
    expect(store.list()[0]?.overrides).toEqual([]);
  });

  it("through the CLI exits 2; a forced decision its coherence check flags is printed with a warning", () => {
    const r = cli(["design", LOCK, "--set", STRAY]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^mechsd: decision\.i05-acks=acks-leader: this design does not make/);
    const forced = cli(["design", LOCK, "--set", "decision.i02-lock-store=single-redis"]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(
      /warning: the override decision\.i02-lock-store=single-redis leaves the design flagged by its own coherence check \(flip-example-is-subject\)/,
    );
    expect(cli(["design", LOCK]).stderr).toBe("");
  });
});

describe("counts of whole things and huge numbers", () => {
  it("never shows a fraction of an instance, shard or node", () => {
    for (const p of [
      "Design a payment workflow at 1e-6 payments per second",
      "Design a key-value store at 1e-6 writes per second",
      "Design a distributed task queue at 1e-6 tasks per second",
    ]) {
      const d = design(p);
      const text = toTerminal(designBlocks(d), { color: false, width: 100 });
      expect(text, p).not.toMatch(/\b0\.\d+ (instances?|shards?|nodes?|partitions?|workers?)\b(?! \(the formula)/);
      for (const r of d.capacity.filter((c) => /^(instances|shards|nodes|partitions|workers)$/.test(c.unit)))
        expect(Number.isInteger(r.value) && r.value >= 1, `${p}: ${r.id} = ${r.value}`).toBe(true);
      expect(
        d.coherence.map((c) => c.rule),
        p,
      ).not.toContain("numbers-disagree");
    }
    const pay = design("Design a payment workflow at 1e-6 payments per second");
    expect(pay.capacity.find((c) => c.id === "open_instances")?.display).toMatch(
      /^1 instance \(the formula gives 0\.00001; at least one is needed\)$/,
    );
    expect(shownCount(2.2, "nodes")).toBe("3 nodes");
    expect(shownCount(2.2, "req/s")).toBe("≈ 2.2 req/s");
  });

  it("writes a huge stated number in scientific notation, in the design and in the script", () => {
    expect(formatQuantity(1e308, "leases")).toBe("1e308 leases");
    expect(formatQuantity(1e300, "B")).toBe("1e300 B");
    expect(grouped(1e21)).toBe("1e21");
    expect(formatQuantity(5e14, "req/s")).toBe("500T req/s");
    const d = withScript(design(`${LOCK} with 1e308 leases`));
    const text = [
      toTerminal(designBlocks(d), { color: false, width: 100 }),
      ...(d.script ?? []).map((s) => s.text),
    ].join("\n");
    expect(text).not.toMatch(/e\+\d|trillion|\d{1,3}(,\d{3}){6,}|\d{16,}/);
    expect(text).toMatch(/leases = 1e308/);
  });
});

describe("the command line's own edges", () => {
  it("a missing command is a usage error (help on stderr, exit 2); --help and help exit 0", () => {
    const none = cli([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toMatch(/Usage: mechsd/);
    expect(cli(["--help"]).code).toBe(0);
    const help = cli(["help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: mechsd/);
  });

  it("serve refuses --db :memory:, which would lose every session at stop", () => {
    const r = spawnSync(process.execPath, [BIN, "serve", "--port", "0", "--db", ":memory:"], {
      encoding: "utf8",
      timeout: 20_000,
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/':memory:' keeps sessions in memory only.*name a file with --db/);
  });
});

describe("import of a design from a newer mechsd", () => {
  const file = { format: "mechsd-session", version: 1, name: "From a newer mechsd", prompt: "Design a queue" };
  const good = () => structuredClone(withScript(design(file.prompt))) as unknown as Record<string, unknown>;

  it("accepts a new field or vocabulary value, re-derives, and says what it set aside", async () => {
    const { send, store } = api();
    const newer = good();
    newer.futureField = { anything: 1 };
    (newer.nfrs as Record<string, unknown>).topics = ["interplanetary-relay"];
    const r = await send("POST", "/api/import", { ...file, design: newer });
    expect(r.status).toBe(201);
    expect(String(r.json.notice)).toMatch(
      /newer mechsd \(design\.nfrs\.topics\.0 = "interplanetary-relay"; design: futureField\)/,
    );
    expect(store.list()).toHaveLength(1);
    // the plain file has no notice
    expect((await send("POST", "/api/import", { ...file, design: good() })).json.notice).toBeUndefined();
  });

  it("still refuses a malformed design or one of a newer schema version", async () => {
    const { send, store } = api();
    const wrongType = { ...good(), mechanisms: "none" };
    const r = await send("POST", "/api/import", { ...file, design: wrongType });
    expect(r.status).toBe(400);
    expect(String(r.json.error)).toMatch(/not a mechsd session file: design\.mechanisms/);
    const mixed = { ...good(), futureField: 1, prompt: 42 };
    expect((await send("POST", "/api/import", { ...file, design: mixed })).status).toBe(400);
    const v2 = await send("POST", "/api/import", { ...file, design: { ...good(), schemaVersion: 2 } });
    expect(v2.status).toBe(400);
    expect(String(v2.json.error)).toMatch(/schema is version 2, written by a newer mechsd/);
    expect(store.list()).toHaveLength(0);
  });
});
