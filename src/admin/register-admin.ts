import formbody from '@fastify/formbody'
import type { FastifyInstance } from 'fastify'
import { createAdminMetrics } from './admin-metrics.ts'
import type { AdminOptions } from './admin-options.ts'
import { registerAuth, registerLogout } from './auth/register-auth.ts'
import { registerAssetRoutes } from './routes/asset-routes.ts'
import { registerAuditRoutes } from './routes/audit-routes.ts'
import { registerConversationRoutes } from './routes/conversation-routes.ts'
import { registerFeedbackRoutes } from './routes/feedback-routes.ts'
import { registerOverviewRoutes } from './routes/overview-routes.ts'
import { registerPeopleRoutes } from './routes/people-routes.ts'
import { registerTeachRoutes } from './routes/teach-routes.ts'
import { registerToolRoutes } from './routes/tool-routes.ts'

/** The dashboard and its JSON API under /admin, in their own encapsulated scope (hooks apply to /admin only). */
export async function registerAdmin(app: FastifyInstance, options: AdminOptions): Promise<void> {
  await app.register(
    async (scope) => {
      const metrics = createAdminMetrics(options.registry)
      await scope.register(formbody, { bodyLimit: 64 * 1024 })
      registerAuth(scope, options, metrics)
      registerLogout(scope, options)
      await registerAssetRoutes(scope)
      registerOverviewRoutes(scope, options)
      registerConversationRoutes(scope, options)
      registerToolRoutes(scope, options)
      registerFeedbackRoutes(scope, options)
      registerTeachRoutes(scope, options)
      registerPeopleRoutes(scope, options, metrics)
      registerAuditRoutes(scope, options)
    },
    { prefix: '/admin' },
  )
}
