import { openDatabase } from '../../db/database.ts'
import { configFromEnvironment } from '../environment.ts'

export async function runMigrate(): Promise<void> {
  const config = configFromEnvironment()
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR })
  await database.migrate()
  await database.close()
  process.stdout.write(`migrations applied (${database.kind})\n`)
}
