// Entry of the training worker thread: the worker has no TypeScript loader of its own (bin/m1.js
// registers tsx in the main thread only, vitest's transform does not reach workers), so it
// registers tsx first and then imports the module named in workerData.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData.module)
