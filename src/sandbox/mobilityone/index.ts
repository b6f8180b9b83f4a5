export { createSandboxApp, type SandboxApp, type SandboxOptions } from './create-sandbox-app.ts'
export { createSandboxDataset, type SandboxDatasetOptions } from './create-sandbox-dataset.ts'
export { croatianDigits, listSeededDrivers, type SeededDriver } from './list-seeded-drivers.ts'
export { type FilterCondition, type FilterOperator, parseFilter } from './parse-filter.ts'
export {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  SANDBOX_DEFAULT_SEED,
  SANDBOX_FLEET_PERSON_TYPE,
  SANDBOX_MAX_ROWS,
  SANDBOX_SECOND_TENANT_ID,
  SANDBOX_TENANT_ID,
} from './sandbox-constants.ts'
export type { ControlRequest, FaultRule, SandboxControl } from './sandbox-control.ts'
export type * from './sandbox-records.ts'
export { type RunningSandbox, type StartSandboxOptions, startSandbox } from './start-sandbox.ts'
