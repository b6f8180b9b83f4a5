import type { Tool } from '../../src/registry/tool.ts'

const base = { summary: '', description: '', tags: [], responseFields: [], returnsList: false }

/** Hand-written tools shaped like the registry's, so the LLM tests don't depend on the specs. */
export const vehicleTool: Tool = {
  ...base,
  id: 'get_Vehicles_id',
  bareId: 'get_Vehicles_id',
  service: 'vehiclemgt',
  method: 'get',
  path: '/Vehicles/{id}',
  entity: 'Vehicles',
  summary: 'Get a vehicle by id',
  parameters: [{ name: 'id', in: 'path', type: 'string', required: true, description: 'Vehicle id' }],
  requestBody: [],
  readOnly: true,
}

export const masterDataTool: Tool = {
  ...base,
  id: 'get_MasterData',
  bareId: 'get_MasterData',
  service: 'automation',
  method: 'get',
  path: '/MasterData',
  entity: 'MasterData',
  summary: "The user's vehicle master data: plate, mileage, leasing",
  parameters: [{ name: 'personId', in: 'query', type: 'string', required: true, context: 'person' }],
  requestBody: [],
  readOnly: true,
}

export const addMileageTool: Tool = {
  ...base,
  id: 'post_AddMileage',
  bareId: 'post_AddMileage',
  service: 'automation',
  method: 'post',
  path: '/AddMileage',
  entity: 'AddMileage',
  summary: 'Record mileage',
  parameters: [],
  requestBody: [
    { name: 'VehicleId', type: 'string', required: true, context: 'vehicle' },
    { name: 'Value', type: 'integer', required: true, description: 'Mileage in km' },
    { name: 'Comment', type: 'string', required: false },
  ],
  readOnly: false,
}

export const allTools = [vehicleTool, masterDataTool, addMileageTool]
