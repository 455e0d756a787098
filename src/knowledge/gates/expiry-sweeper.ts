import { defineGate } from "./define.js";

export default defineGate({
  mechanism: "expiry-sweeper",
  needs: "something held exclusively until a deadline",
  skip: (g) => (g.holds.has("exclusivity-matters") ? undefined : "nothing exclusive is held, so expiry is a plain TTL"),
  examples: { kept: ["Design a CDN."], dropped: ["Design a load balancer."] },
});
