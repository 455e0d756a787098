import { defineGate } from "./define.js";

export default defineGate({
  mechanism: "saga",
  needs: "an external effect among the objects that change together",
  skip: (g) =>
    g.holds.has("external-effect")
      ? undefined
      : "every object lives in stores this design owns, so a transaction suffices",
  examples: { kept: ["Design a payment system."], dropped: ["Design a package registry like npm."] },
});
