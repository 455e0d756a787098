import { describe, expect, it } from "vitest";
import { checkCoherence } from "../src/engine/coherence.js";
import { design } from "../src/engine/design/design.js";
import { topicsSpoken } from "../src/knowledge/topics.js";

/** Everything a design draws, as one text. */
const drawn = (d: ReturnType<typeof design>) =>
  JSON.stringify([d.components, d.links, d.api, d.dataModel, d.failures, d.technology]);
const spoken = (text: string) => topicsSpoken(text).map((t) => t.value);
const chosen = (d: ReturnType<typeof design>, id: string) => d.decisions.find((x) => x.id === id)?.chosen;

describe("a secrets manager issues leased credentials, revokes them everywhere, rotates with overlap and audits", () => {
  const vault = design(
    "Design a secrets manager like HashiCorp Vault that serves 100,000 secret reads per second, rotates database credentials every hour, and never serves a revoked secret.",
  );
  const paraphrases = [
    design("Design a credential vault that issues short-lived database passwords"),
    design(
      "Design a secrets store for our microservices where API keys are rotated every 30 days and every read is audited",
    ),
    design("Build a service like AWS Secrets Manager for a company's applications"),
  ];

  it("is the key-scoped store's secrets subject, not sign-in or a search pipeline, for the prompt and paraphrases", () => {
    for (const d of [vault, ...paraphrases]) {
      expect(d.branch.kind).toBe("infra");
      expect(d.archetypes[0]?.id).toBe("I16");
      expect(d.nfrs.topics).toContain("secrets");
      expect(d.nfrs.topics).not.toContain("auth");
      expect(d.nfrs.consistency).toBe("linearizable");
      expect(d.nfrs.availability).toBe("fail-closed");
      expect(checkCoherence(d)).toEqual([]);
      expect(drawn(d)).not.toMatch(/argon2id|ResetToken|Reset mail|Elasticsearch|Partition map|DueItem/);
    }
    // 'rotates database credentials' names credentials, which alone would be a sign-in subject's word
    expect(spoken("a secrets manager that rotates database credentials")).toEqual(["secrets"]);
    expect(spoken("a login service with password resets")).toEqual(["auth"]);
  });

  it("draws leases, versions, an active node with standbys, an expiry manager, rotation, audit and a KMS", () => {
    for (const e of ["SecretLease", "SecretVersion", "AuditEntry"])
      expect(vault.dataModel.map((m) => m.entity)).toContain(e);
    expect(vault.components.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "active-node",
        "standbys",
        "secret-store",
        "expiry-manager",
        "rotation-scheduler",
        "audit-log",
        "kms",
        "target-db",
      ]),
    );
    expect(vault.api.map((a) => a.operation)).toEqual(
      expect.arrayContaining(["read secret", "request credential", "renew lease", "revoke lease", "rotate secret"]),
    );
    // the timed work (lease expiry, rotation periods) is the subject's own: no due-time row or scheduler beside it
    expect(vault.archetypes.map((a) => a.id)).toEqual(["I16"]);
    expect(vault.requirements.some((r) => /due time/.test(r.text))).toBe(false);
  });

  it("makes never serving a revoked secret the first rule, kept on every read, with rotation overlap and audit", () => {
    const rules = vault.invariants.map((i) => i.statement);
    expect(rules[0]).toMatch(/revoked or expired SecretLease is never answered again/);
    const all = rules.join("\n");
    expect(all).toMatch(/previous version.s account keeps logging in until the next rotation/);
    // one database user has one password: overlap is never promised for a single account (AWS rotation strategies)
    expect(all).not.toMatch(/previous version keeps working until every lease/);
    expect(all).toMatch(/No request is answered unless at least one audit device has recorded it/);
    const read = vault.readPaths.find((r) => /read a secret/.test(r.read));
    expect(read?.staleness).not.toMatch(/projector|lag bound/);
    expect(chosen(vault, "i16-secrets-read-path")).toBe("confirm-index");
    expect(chosen(vault, "i16-secrets-credentials")).toBe("dynamic");
  });

  it("sizes the standbys from the stated reads, and the live leases and audit volume", () => {
    const row = (id: string) => vault.capacity.find((r) => r.id === id);
    // 100,000 reads/s stated as the peak, 5,000 a node at 50% → 40 standbys
    expect(row("standby_nodes")?.value).toBe(40);
    expect(row("live_leases")?.value).toBe(360000);
    expect(row("audit_bytes_per_day")?.value).toBeGreaterThan(1e13);
    expect(JSON.stringify(vault.capacity)).not.toMatch(/password hashes|shard req/);
  });
});
