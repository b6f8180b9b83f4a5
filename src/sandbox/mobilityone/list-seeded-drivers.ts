import type { SandboxDataset } from './sandbox-records.ts'

export interface SeededDriver {
  tenantId: string
  tenantName: string
  personId: string
  firstName: string
  lastName: string
  displayName: string
  /** As stored in MobilityOne (mixed spellings). */
  phone: string | null
  mobile: string | null
  /** What WhatsApp would send as the sender: `385912345678` (the mobile when there is one). */
  whatsapp: string
  plates: string[]
}

/** People to chat as, for the web chat page and the sandbox CLI. */
export function listSeededDrivers(dataset: SandboxDataset): SeededDriver[] {
  const drivers: SeededDriver[] = []
  for (const tenant of dataset.tenants) {
    const plates = new Map<string, string[]>()
    for (const vehicle of tenant.vehicles.values()) {
      if (!vehicle.DriverId) continue
      const list = plates.get(vehicle.DriverId) ?? []
      list.push(vehicle.LicencePlate)
      plates.set(vehicle.DriverId, list)
    }
    for (const person of tenant.people.values()) {
      const number = person.Mobile ?? person.Phone
      if (!number) continue
      drivers.push({
        tenantId: tenant.id,
        tenantName: tenant.name,
        personId: person.Id,
        firstName: person.FirstName,
        lastName: person.LastName,
        displayName: person.DisplayName,
        phone: person.Phone,
        mobile: person.Mobile,
        whatsapp: croatianDigits(number),
        plates: plates.get(person.Id) ?? [],
      })
    }
  }
  return drivers
}

/** `+385 91 234 5678`, `0912345678`, `00385912345678` and `385912345678` all become `385912345678`. */
export function croatianDigits(number: string): string {
  const digits = number.replace(/\D/g, '')
  if (digits.startsWith('00')) return digits.slice(2)
  if (digits.startsWith('0')) return `385${digits.slice(1)}`
  return digits
}
