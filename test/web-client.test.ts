import { describe, expect, it } from "vitest";
import { designLink, formatRoute, parseRoute, type Route } from "../web/src/route.js";

describe("workbench client routes", () => {
  it("round-trips sessions, linked designs and views through the URL", () => {
    const routes: Route[] = [
      { kind: "home", view: "design" },
      { kind: "home", view: "catalogue" },
      { kind: "session", id: "3f1c2a9e-0000-4000-8000-000000000001", view: "design" },
      { kind: "session", id: "a b/c", view: "diagrams" },
      {
        kind: "design",
        prompt: "Design a queue & a lock? #1 100%",
        overrides: ["dominant=I02", "scale.users=1,000"],
        view: "script",
      },
    ];
    for (const r of routes) {
      const url = new URL(formatRoute(r), "http://x");
      expect(parseRoute(url.pathname, url.search)).toEqual(r);
    }
  });

  it("reads unknown views and empty prompts as the plain workbench", () => {
    expect(parseRoute("/", "?view=nope")).toEqual({ kind: "home", view: "design" });
    expect(parseRoute("/d", "?prompt=%20")).toEqual({ kind: "home", view: "design" });
    expect(parseRoute("/elsewhere", "")).toEqual({ kind: "home", view: "design" });
  });

  it("links a design by prompt and overrides", () => {
    expect(designLink("Design a lock", ["dominant=I02"])).toBe("/d?prompt=Design+a+lock&set=dominant%3DI02");
  });
});

describe("import problems", () => {
  it("reads a server's validation answer as one plain line per problem", async () => {
    const { readableProblems } = await import("../web/src/api.js");
    expect(
      readableProblems(
        "not a mechsd session file: format: format must be 'mechsd-session'; name: Invalid input: expected string, received undefined; prompt: Invalid input: expected string, received number",
      ),
    ).toEqual([
      "format must be 'mechsd-session'",
      "name: is missing (it should be string)",
      "prompt: should be string, not number",
    ]);
  });
});
