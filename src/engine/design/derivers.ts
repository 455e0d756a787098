import { apiField } from "../fields/api.js";
import { archetypesField } from "../fields/archetypes.js";
import { baseMechanismsField } from "../fields/base-mechanisms.js";
import { bottlenecksField } from "../fields/bottlenecks.js";
import { branchField } from "../fields/branch.js";
import { capacityField } from "../fields/capacity.js";
import { checklistField } from "../fields/checklist.js";
import { companionsField } from "../fields/companions.js";
import { componentsField } from "../fields/components.js";
import { contextField } from "../fields/context.js";
import { criticalPathsField } from "../fields/critical-paths.js";
import { dataModelField } from "../fields/data-model.js";
import { decisionsField } from "../fields/decisions.js";
import { diagramsField } from "../fields/diagrams.js";
import { failuresField } from "../fields/failures.js";
import { featuresField } from "../fields/features.js";
import { invariantsField } from "../fields/invariants.js";
import { linksField } from "../fields/links.js";
import { nfrsField } from "../fields/nfrs.js";
import { operationsField } from "../fields/operations.js";
import { overlayField } from "../fields/overlay.js";
import { predicatesField } from "../fields/predicates.js";
import { primaryStateField } from "../fields/primary-state.js";
import { promptField } from "../fields/prompt.js";
import { readPathsField } from "../fields/read-paths.js";
import { requirementsField } from "../fields/requirements.js";
import { scopesField } from "../fields/scopes.js";
import { technologyField } from "../fields/technology.js";
import type { Deriver } from "./graph.js";

/** Every field deriver of the worksheet; `orderDerivers` checks and orders them at load. */
export const DERIVERS: readonly Deriver[] = [
  promptField,
  branchField,
  archetypesField,
  nfrsField,
  overlayField,
  requirementsField,
  operationsField,
  criticalPathsField,
  primaryStateField,
  scopesField,
  invariantsField,
  contextField,
  predicatesField,
  baseMechanismsField,
  companionsField,
  readPathsField,
  technologyField,
  failuresField,
  bottlenecksField,
  featuresField,
  componentsField,
  linksField,
  apiField,
  dataModelField,
  capacityField,
  decisionsField,
  checklistField,
  diagramsField,
] as Deriver[];
