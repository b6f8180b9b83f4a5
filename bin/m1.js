#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: tsx registers its ESM loader first.
import { register } from 'tsx/esm/api'

register()
await import('../src/app/cli.ts')
