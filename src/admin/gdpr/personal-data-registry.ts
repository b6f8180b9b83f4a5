import type { DataSubject, PersonalDataHolder, PersonalDataRegistry } from '../../ports/personal-data.ts'

export function createPersonalDataRegistry(): PersonalDataRegistry {
  const holders: PersonalDataHolder[] = []
  return {
    // A component built again (a new turn handler on the same adapters) replaces its own holder:
    // the old caches are gone, and one name is erased once.
    register(holder) {
      const index = holders.findIndex((existing) => existing.name === holder.name)
      if (index >= 0) holders[index] = holder
      else holders.push(holder)
    },
    holders: () => holders,
  }
}

export interface ErasureReport {
  /** The erasure reference only: the report is logged and shown, and must not repeat the phone. */
  subject: { reference?: string }
  removed: Record<string, number>
  /** Holders that failed; the erase must be retried until this is empty. */
  failed: Record<string, string>
}

/**
 * Runs every holder, even when one fails, so one broken store does not keep the others' data.
 * The database holder runs last: until the erase fully succeeds the person stays findable to retry it.
 */
export async function eraseEverywhere(
  registry: PersonalDataRegistry,
  subject: DataSubject,
): Promise<ErasureReport> {
  const report: ErasureReport = { subject: { reference: subject.reference }, removed: {}, failed: {} }
  const ordered = [...registry.holders()].sort(
    (a, b) => Number(a.name === 'database') - Number(b.name === 'database'),
  )
  for (const holder of ordered) {
    try {
      report.removed[holder.name] = await holder.erase(subject)
    } catch (error) {
      report.failed[holder.name] = error instanceof Error ? error.message : String(error)
    }
  }
  return report
}

export async function exportEverywhere(
  registry: PersonalDataRegistry,
  subject: DataSubject,
): Promise<{ subject: DataSubject; exportedAt: string; data: Record<string, unknown> }> {
  const data: Record<string, unknown> = {}
  for (const holder of registry.holders()) {
    if (!holder.export) continue
    try {
      data[holder.name] = await holder.export(subject)
    } catch (error) {
      data[holder.name] = { error: error instanceof Error ? error.message : String(error) }
    }
  }
  return { subject, exportedAt: new Date().toISOString(), data }
}
