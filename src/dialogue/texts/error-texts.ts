import type { FleetErrorCode } from '../../fleet/fleet-errors.ts'

/** One short Croatian sentence per fleet error class: no raw JSON, no stack traces. */
export const FLEET_ERROR_TEXTS: Readonly<Record<FleetErrorCode, string>> = {
  M1_ERR_FLEET_AUTH: 'Sustav MobilityOne trenutačno ne prihvaća prijavu asistenta. Pokušajte malo kasnije.',
  M1_ERR_FLEET_FORBIDDEN:
    'Asistent nema ovlasti za tu radnju u sustavu MobilityOne. Obratite se administratoru.',
  M1_ERR_FLEET_NOT_FOUND: 'Traženi podatak ne postoji (možda je već obrisan).',
  M1_ERR_FLEET_VALIDATION:
    'Sustav MobilityOne nije prihvatio zahtjev. Provjerite podatke i pokušajte ponovno.',
  M1_ERR_FLEET_RATE_LIMITED: 'Sustav MobilityOne je trenutačno preopterećen. Pokušajte za minutu.',
  M1_ERR_FLEET_UNAVAILABLE: 'Sustav MobilityOne trenutačno ne radi ispravno. Pokušajte malo kasnije.',
  M1_ERR_FLEET_TIMEOUT: 'Sustav MobilityOne ne odgovara na vrijeme. Pokušajte malo kasnije.',
  M1_ERR_FLEET_NETWORK: 'Ne mogu se povezati sa sustavom MobilityOne. Pokušajte malo kasnije.',
  M1_ERR_FLEET_CIRCUIT_OPEN: 'Sustav MobilityOne je privremeno nedostupan. Pokušajte za nekoliko minuta.',
  M1_ERR_FLEET_PROTOCOL: 'Sustav MobilityOne je vratio neočekivan odgovor. Pokušajte malo kasnije.',
  M1_ERR_ACCESS_DENIED:
    'To je dostupno voditelju flote. Za te podatke ili tu radnju obratite se uredu flote.',
}

export const UNEXPECTED_ERROR_TEXT = 'Nešto je pošlo po zlu s mojim odgovorom. Pokušajte ponovno.'
export const RETRY_CONFIRM_TEXT = 'Ako želite pokušati ponovno, odgovorite *Da*.'
