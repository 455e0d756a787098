import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

const ops = (p: string) => design(p).operations;

describe("a supporting archetype's rows follow what the design holds", () => {
  it("a supporting key-value store drops its card's own example, and says so", () => {
    const put = ops("Design a URL shortener handling 100k redirects per second").find((o) =>
      o.phrase.startsWith("conditional put naming the version"),
    );
    expect(put?.phrase).toBe("conditional put naming the version the caller read (key value)");
    expect(put?.because).toMatch(/the example \(read-modify-write of a session or profile\) is I16's own domain/);
  });
  it("the archetype the prompt asks for keeps its example", () => {
    expect(ops("Design a key-value store").map((o) => o.phrase)).toContain(
      "conditional put naming the version the caller read (read-modify-write of a session or profile) (key value)",
    );
  });
  it("a closing clause about the path's own things is kept", () => {
    const acquire = ops("Design a distributed task queue with at-least-once processing and visibility timeouts").find(
      (o) => o.phrase.startsWith("acquire a free or expired resource"),
    );
    expect(acquire?.phrase).toMatch(/\(never a number reused for that resource\) \(lease\)$/);
  });
  it("a lease's heartbeat failure names the lease's authority, not a registry the design may not have", () => {
    const d = design("Design a distributed task queue with at-least-once processing and visibility timeouts");
    expect(d.failures.map((f) => f.failure).join("\n")).not.toMatch(/registry/);
  });
});
