import { describe, expect, it } from "vitest";
import { design } from "../src/engine/design/design.js";

const ops = (p: string) => design(p).operations;

describe("a supporting archetype's rows follow what the design holds", () => {
  it("a supporting key-value store drops its card's own example, and says so", () => {
    const put = ops("Design a pastebin handling 100k reads per second").find((o) =>
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
    // a work queue's visibility timeout covers the lease (knowledge/covers.ts), so a scheduler whose workers lease jobs
    const acquire = ops(
      "Design a job scheduler where workers claim jobs with leases and a message queue delivers results",
    ).find((o) => o.phrase.startsWith("acquire a free or expired resource"));
    expect(acquire?.phrase).toMatch(/\(never a number reused for that resource\) \(lease\)$/);
  });
  it("a lease's heartbeat failure names the lease's authority, not a registry the design may not have", () => {
    const d = design(
      "Design a job scheduler where workers claim jobs with leases and a message queue delivers results",
    );
    expect(d.failures.map((f) => f.failure).join("\n")).not.toMatch(/registry/);
  });
});
