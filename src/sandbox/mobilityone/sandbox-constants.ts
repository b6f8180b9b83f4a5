/** Defaults of the simulated tenant, exported so the composition root can run it in-process. */
/** The person type of the seeded fleet manager (the local run maps it to the fleet role). */
export const SANDBOX_FLEET_PERSON_TYPE = 'Fleet manager'

export const SANDBOX_CLIENT_ID = 'm1-local'
export const SANDBOX_CLIENT_SECRET = 'm1-local-secret'
/** "Jadran Logistika d.o.o.": the tenant the seeded drivers belong to. */
export const SANDBOX_TENANT_ID = '3f6c2a1e-8b4d-4c7a-9e21-5d0b7f4a6c13'
/** "Panonija Agro d.d.": a second tenant, for isolation. */
export const SANDBOX_SECOND_TENANT_ID = '9a1d4e7b-2c5f-4b8e-a063-7e2f1c9d8b45'
export const SANDBOX_DEFAULT_SEED = 20_260_115
export const SANDBOX_DEFAULT_TOKEN_TTL_SECONDS = 3600
/** Upper bound of `Rows`: larger requests are capped, as the real API caps page size. */
export const SANDBOX_MAX_ROWS = 500
export const SANDBOX_DEFAULT_ROWS = 100
