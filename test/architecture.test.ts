import { describe, expect, it } from "vitest";
import { composeArchitecture, type Part } from "../src/engine/architecture.js";
import { design } from "../src/engine/design/design.js";
import { unitNoun } from "../src/engine/prompt-nouns.js";
import { ARCHITECTURE, architectureProblems } from "../src/knowledge/architecture/index.js";
import { ARCHETYPE_BY_ID, ARCHETYPES, MECHANISMS } from "../src/knowledge/index.js";
import { parseProtocol } from "../src/knowledge/notation/protocol.js";
import type { ArchetypeId } from "../src/knowledge/schema.js";
import type { Topology } from "../src/knowledge/topology.js";
import { archCorpus, isConnected, measure } from "./arch-metrics.js";

const part = (id: ArchetypeId, role: Part["role"], dominant?: ArchetypeId): Part => ({
  key: id,
  name: ARCHETYPE_BY_ID.get(id)?.name ?? id,
  role,
  topology: ARCHITECTURE[id],
  why: `${id} as ${role} in a test`,
  onDominant: (ARCHETYPE_BY_ID.get(id)?.connections ?? []).some((c) => c.role === "substrate" && c.to === dominant),
});

describe("archetype topologies", () => {
  it("are consistent: links, owners, entry and every protocol step name the topology's own components", () => {
    expect(architectureProblems()).toEqual([]);
  });

  it("every archetype has a client side, a serving entry, an authoritative owner and protocols bound to components", () => {
    for (const a of ARCHETYPES) {
      const t = ARCHITECTURE[a.id];
      expect(t, a.id).toBeDefined();
      expect(
        t.components.some((c) => c.kind === "client"),
        `${a.id} client`,
      ).toBe(true);
      const owner = t.components.find((c) => c.id === t.stateOwner);
      expect(["replica-group", "store", "log"], `${a.id} state owner kind`).toContain(owner?.kind);
      expect(t.dataModel.length, a.id).toBeGreaterThan(0);
      expect(t.api.length, a.id).toBeGreaterThan(0);
      // The card's protocols are the bound ones, so the card and the architecture cannot drift apart.
      expect(a.protocols.map((p) => p.notation)).toEqual((t.protocols ?? []).map((p) => p.notation));
      for (const p of t.protocols ?? []) {
        const r = parseProtocol(p.notation);
        expect(r.ok, `${a.id} ${p.name}`).toBe(true);
        if (!r.ok) continue;
        const messages = r.value.steps.filter((s) => s.target !== undefined && s.target !== s.actor).length;
        expect(messages / r.value.steps.length, `${a.id} ${p.name} is mostly messages`).toBeGreaterThanOrEqual(0.5);
      }
    }
  });
});

describe("composition by role", () => {
  it("a substrate hosts the dominant's state owner: the lock table lives in the consensus group", () => {
    const arch = composeArchitecture([part("I02", "dominant"), part("I01", "substrate")], "Design a lock service");
    const owner = arch.components.find((c) => c.holds.includes("Lease"));
    expect(owner?.kind).toBe("replica-group");
    expect(owner?.because).toMatch(/runs on I01/);
    expect(arch.components.filter((c) => c.holds.includes("ConsensusLog")).length).toBeGreaterThan(0);
    // one replica group (leader and followers), not a lock group beside a consensus group
    expect(arch.components.filter((c) => c.kind === "replica-group").length).toBe(2);
    expect(isConnected(arch.components, arch.links)).toBe(true);
  });

  it("a decorator that mediates requests wraps the entry: clients reach the limiter, the limiter the proxies", () => {
    const arch = composeArchitecture([part("I17", "dominant"), part("I08", "decorator")], "Design an API gateway");
    expect(arch.links).toContainEqual(expect.objectContaining({ from: "clients", to: "limiter" }));
    expect(arch.links).toContainEqual(expect.objectContaining({ from: "limiter", to: "proxies" }));
    expect(arch.links.some((l) => l.from === "clients" && l.to === "proxies")).toBe(false);
    expect(arch.components.some((c) => c.id === "backend")).toBe(false);
  });

  it("an input's consumer becomes the intake; an output's producer becomes the outlet", () => {
    const projection = composeArchitecture([part("I06", "dominant"), part("I05", "input")], "p");
    const projector = projection.components.find((c) => c.id === "projector");
    expect(projector?.because).toMatch(/consumes/);
    expect(projection.components.some((c) => c.id === "consumers")).toBe(false);
    const workflow = composeArchitecture([part("I12", "dominant"), part("I05", "output")], "p");
    expect(workflow.components.some((c) => c.id === "producers")).toBe(false);
    expect(workflow.links).toContainEqual(expect.objectContaining({ from: "relay", to: "partition-leaders" }));
  });

  it("product features share components by id and a shared gateway fronts every feature", () => {
    const feature = (key: string, entry: string): Part => {
      const topology: Topology = {
        components: [
          { id: "app-clients", name: "Mobile and web clients", kind: "client", because: "users" },
          { id: "api-gateway", name: "API gateway (auth, routing)", kind: "gateway", because: "one front door" },
          { id: entry, name: `${key} service`, kind: "service", because: "serves the feature" },
          { id: `${key}-db`, name: `${key} store`, kind: "store", holds: [`${key}Row`], because: "its state" },
        ],
        links: [
          { from: "app-clients", to: "api-gateway", kind: "request", label: "calls" },
          { from: "api-gateway", to: entry, kind: "request", label: "route" },
          { from: entry, to: `${key}-db`, kind: "request", label: "read / write" },
        ],
        api: [
          {
            operation: "get",
            call: `GET /v1/${key}`,
            request: ["cursor"],
            response: ["items", "next_cursor"],
            errors: [],
            guarantee: "paged",
          },
        ],
        dataModel: [{ entity: `${key}Row`, key: ["id"], fields: [], indexes: [], owner: `${key}-db` }],
        entry: "api-gateway",
        stateOwner: `${key}-db`,
      };
      return { key, name: key, role: "feature", topology, why: "test feature" };
    };
    const arch = composeArchitecture([feature("feed", "feed-svc"), feature("media", "media-svc")], "p");
    expect(arch.components.filter((c) => c.kind === "gateway").length).toBe(1);
    expect(arch.components.filter((c) => c.kind === "client").length).toBe(1);
    expect(arch.links).toContainEqual(expect.objectContaining({ from: "api-gateway", to: "media-svc" }));
    expect(isConnected(arch.components, arch.links)).toBe(true);
    expect(arch.api.map((a) => a.call)).toEqual(["GET /v1/feed", "GET /v1/media"]);
  });
});

describe("designs", () => {
  it("a lock service: client library, 5-node group, protected resource; acquire goes leader -> followers -> client -> resource", () => {
    const d = design("Design a distributed lock service with fencing tokens");
    const kinds = d.components.map((c) => c.kind);
    expect(kinds).toEqual(expect.arrayContaining(["client", "replica-group", "resource", "control-loop"]));
    expect(d.components.some((c) => /5-node/.test(c.name))).toBe(true);
    expect(d.api.find((a) => a.operation === "acquire")?.response).toContain("fencing_token");
    expect(d.dataModel.find((m) => m.entity === "Lease")?.key).toEqual(["resource_id"]);
    const seq = d.diagrams.find((g) => g.kind === "sequence")?.mermaid ?? "";
    const order = ["client library", "leader", "followers", "Protected resource"].map((n) => seq.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(seq).toMatch(/P2-->>P1: majority ack/);
    expect(seq).toMatch(/Note over P3: checks token #gt;= ProtectedResource.last_fence/);
  });

  it("the HLD shows components grouped by path, never a mechanism as a node", () => {
    const d = design("Design a distributed lock service with fencing tokens");
    const hld = d.diagrams.find((g) => g.kind === "hld")?.mermaid ?? "";
    expect(hld).toContain("Data and replication path");
    expect(hld).toContain("Control path");
    expect(hld).toContain("Request path");
    expect(hld.indexOf("Data and replication path")).toBeLessThan(hld.indexOf("Request path"));
    expect(hld).not.toMatch(/"fencing token"|"heartbeat renewal"/);
  });

  it("prompt nouns rename the unit entity, its paths, keys and components", () => {
    expect(unitNoun("Design a timer service that fires callbacks")).toEqual({ noun: "timer", quote: "timer service" });
    expect(unitNoun("Design an order processing system")?.noun).toBe("order");
    expect(unitNoun("Design a distributed key-value store")).toBeUndefined();
    expect(unitNoun("Design a ticket number service")?.noun).toBe("ticket-number");
    // the archetype's own entity name is not a rename: a rollout system keeps its Rollout and ConfigVersion
    const r = design("Design a config rollout system with canary stages and automatic rollback.");
    expect(r.dataModel.some((m) => m.entity.includes("("))).toBe(false);
    const d = design("Design a refund system that calls a bank API and must not refund twice.");
    expect(d.api.map((a) => a.call)).toContain("POST /v1/refunds");
    expect(d.dataModel.map((m) => m.entity)).toContain("Refund (WorkflowInstance)");
    expect(d.components.some((c) => c.name.startsWith("Refund"))).toBe(true);
    const k = design("Design Kafka");
    expect(k.api.map((a) => a.call)).toContain("POST /v1/topics/{topic}/records");
  });

  it("is deterministic", () => {
    const p = "Design an API gateway for microservices.";
    expect(JSON.stringify(design(p).components)).toBe(JSON.stringify(design(p).components));
    expect(JSON.stringify(design(p).diagrams)).toBe(JSON.stringify(design(p).diagrams));
  });

  it("across the corpus: few self-messages, no mechanism nodes, every infra design connected with API and keyed data", () => {
    const corpus = archCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(38 + 40);
    const m = measure(
      corpus.map((p) => design(p)),
      MECHANISMS.map((x) => x.name),
    );
    expect(m.selfShare).toBeLessThan(0.15);
    expect(m.mechanismNodes).toEqual([]);
    expect(m.connected).toBe(m.infra);
    expect(m.withApi).toBe(m.infra);
    expect(m.withKeyedData).toBe(m.infra);
  });

  it("the corpus covers all 19 archetypes as dominant", () => {
    const seen = new Set(archCorpus().map((p) => design(p).archetypes[0]?.id));
    for (const a of ARCHETYPES) expect(seen.has(a.id), a.id).toBe(true);
  });
});
