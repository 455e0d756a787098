// The archetype registry: one line per archetype folder (`archetypes/<id>/index.ts`), exported under its id.
// Adding an archetype is a new folder plus one line here (docs/KB-AUTHORING.md); everything else derives from it.
export { archetype as I01 } from "./I01/index.js";
export { archetype as I02 } from "./I02/index.js";
export { archetype as I03 } from "./I03/index.js";
export { archetype as I04 } from "./I04/index.js";
export { archetype as I05 } from "./I05/index.js";
export { archetype as I06 } from "./I06/index.js";
export { archetype as I07 } from "./I07/index.js";
export { archetype as I08 } from "./I08/index.js";
export { archetype as I09 } from "./I09/index.js";
export { archetype as I10 } from "./I10/index.js";
export { archetype as I11 } from "./I11/index.js";
export { archetype as I12 } from "./I12/index.js";
export { archetype as I13 } from "./I13/index.js";
export { archetype as I14 } from "./I14/index.js";
export { archetype as I15 } from "./I15/index.js";
export { archetype as I16 } from "./I16/index.js";
export { archetype as I17 } from "./I17/index.js";
export { archetype as I18 } from "./I18/index.js";
export { archetype as I19 } from "./I19/index.js";
