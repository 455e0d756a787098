import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

// A design never buys the whole system it is asked to build (n27: MediaConvert for a transcoding pipeline, Vault for a
// secrets manager), and the proxies a gateway is built from are parts, not reference designs (n28: Envoy, NGINX, Kong)
const chosen = (p: string) => design(p).technology.flatMap((t) => t.choices.map((c) => c.product));
const references = (p: string) => design(p).technology.flatMap((t) => (t.references ?? []).map((r) => r.product));

describe("build or buy", () => {
  it("a managed product that is the whole system asked for is a reference, never a choice", () => {
    for (const p of [
      "Design a video transcoding pipeline that processes 500,000 uploaded videos a day into five resolutions.",
      "Build a media encoding service that turns 20,000 uploaded lectures a day into four bitrates.",
    ]) {
      expect(chosen(p).join(" | "), p).not.toMatch(/MediaConvert|Elastic Transcoder/);
    }
    for (const p of [
      "Design a secrets manager like HashiCorp Vault that serves 100,000 secret reads per second and never serves a revoked secret.",
      "Build a Vault-like secrets service for our 3,000 microservices with leases that expire.",
    ]) {
      expect(chosen(p).join(" | "), p).not.toMatch(/Vault|Secrets Manager/);
      expect(references(p).join(" | "), p).toMatch(/HashiCorp Vault/);
    }
  });

  it("a system named in a later clause is a part the design may use", () => {
    const p =
      "Design a login service for 10 million users that keeps its signing keys in a secrets manager like HashiCorp Vault.";
    expect(references(p).join(" | ")).not.toMatch(/Vault/);
  });

  it("proxies one runs are parts of a gateway or balancer; managed whole ones are references", () => {
    const p =
      "Design an API gateway that routes 300,000 requests per second to 2,000 backend services and applies route changes within 5 seconds.";
    const refs = references(p).join(" | ");
    expect(refs).not.toMatch(/Envoy|NGINX|HAProxy|Kong/);
    expect(chosen(p).join(" | ")).toMatch(/Envoy|NGINX|Kong/);
  });
});
