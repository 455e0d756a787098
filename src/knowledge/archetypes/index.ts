import type { ArchetypeInput } from "../schema.js";
import { I01 } from "./I01.js";
import { I02 } from "./I02.js";
import { I03 } from "./I03.js";
import { I04 } from "./I04.js";
import { I05 } from "./I05.js";
import { I06 } from "./I06.js";
import { I07 } from "./I07.js";
import { I08 } from "./I08.js";
import { I09 } from "./I09.js";
import { I10 } from "./I10.js";
import { I11 } from "./I11.js";
import { I12 } from "./I12.js";
import { I13 } from "./I13.js";
import { I14 } from "./I14.js";
import { I15 } from "./I15.js";
import { I16 } from "./I16.js";
import { I17 } from "./I17.js";
import { I18 } from "./I18.js";
import { I19 } from "./I19.js";

/** Raw archetype entries in id order; `knowledge/index.ts` validates them. */
export const ARCHETYPE_ENTRIES: readonly ArchetypeInput[] = [
  I01,
  I02,
  I03,
  I04,
  I05,
  I06,
  I07,
  I08,
  I09,
  I10,
  I11,
  I12,
  I13,
  I14,
  I15,
  I16,
  I17,
  I18,
  I19,
];
