import type { MasterDataVehicle } from '../ports/fleet-api.ts'
import type { Vehicle } from '../ports/user-context.ts'

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined

/** MasterData record -> the few fields the assistant shows often; everything else stays in `raw`. */
export function mapMasterDataVehicle(raw: MasterDataVehicle): Vehicle {
  const makeModel = [text(raw.Manufacturer), text(raw.Model)].filter(Boolean).join(' ')
  const mileage = typeof raw.LastMileage === 'number' ? raw.LastMileage : Number(raw.LastMileage)
  const plate = text(raw.LicencePlate)
  // FullVehicleName often ends with the plate in parentheses; the plate is shown on its own.
  const fullName = plate ? text(raw.FullVehicleName)?.replace(` (${plate})`, '') : text(raw.FullVehicleName)
  return {
    id: String(raw.Id),
    name: fullName ?? text(raw.DisplayName) ?? (makeModel || 'vozilo'),
    plate,
    vin: text(raw.VIN),
    mileageKm:
      raw.LastMileage === null || raw.LastMileage === undefined || !Number.isFinite(mileage)
        ? undefined
        : mileage,
    mileageAt: text(raw.LastMileageTime),
    raw,
  }
}
