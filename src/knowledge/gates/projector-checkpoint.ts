import { defineGate } from "./define.js";
import { PROJECTOR_NEEDS, projectorSkip } from "./projector.js";

export default defineGate({
  mechanism: "projector-checkpoint",
  needs: PROJECTOR_NEEDS,
  skip: projectorSkip,
  examples: { kept: ["Design a search autocomplete service."], dropped: ["Design a CDN."] },
});
