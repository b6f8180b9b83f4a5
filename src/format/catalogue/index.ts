/** Catalogue reads rendered for people: labels, values, titles, relevance, and what not to show. */
export { composeCollectionNames, composeLabel } from './compose-label.ts'
export { type EntityNames, entityNames } from './entity-names.ts'
export { curatedFieldLabels, fieldLabel } from './field-labels.ts'
export type { RenderQuestion } from './field-relevance.ts'
export { formatFieldValue } from './format-field-value.ts'
export { type FieldPlan, planField, type ValueKind } from './plan-field.ts'
export { presentTool, type ToolPresentation } from './present-tool.ts'
export {
  type CatalogueRendering,
  type NotRenderableReason,
  type RenderOptions,
  recordTitle,
  renderCatalogueRead,
} from './render-catalogue-read.ts'
