import { defineGate } from "./define.js";

export default defineGate({
  mechanism: "ttl-expiry",
  needs: "a derived copy to expire, or holds that are not exclusive",
  skip: (g) =>
    g.holds.has("derived-read") || !g.holds.has("exclusivity-matters")
      ? undefined
      : "holds are released by the sweeper, not by a cache TTL",
  examples: { kept: ["Design a CDN."], dropped: ["Design a distributed file system like HDFS."] },
});
