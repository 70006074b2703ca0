import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { Health } from '@oko/shared';
import { AccessService } from './access/access.service.ts';
import { ScopeRepository } from './access/scope.repository.ts';
import { AccountsRepository } from './accounts/accounts.repository.ts';
import { accountsRoutes } from './accounts/accounts.routes.ts';
import { AccountsService } from './accounts/accounts.service.ts';
import { UsersRepository } from './accounts/users.repository.ts';
import { AuditRepository } from './auth/audit.repository.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { AuthService } from './auth/auth.service.ts';
import { SessionStore } from './auth/session-store.ts';
import { SessionsRepository } from './auth/sessions.repository.ts';
import { ThrottleRepository } from './auth/throttle.repository.ts';
import { LoginThrottle } from './auth/throttle.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DB } from './db/schema.ts';
import { HierarchyRepository } from './hierarchy/hierarchy.repository.ts';
import { hierarchyRoutes } from './hierarchy/hierarchy.routes.ts';
import { HierarchyService } from './hierarchy/hierarchy.service.ts';
import { installAuthHooks } from './http/auth-hooks.ts';
import { installErrorHandler } from './http/error-handler.ts';
import type { App } from './http/route-config.ts';
import { meRoutes } from './me/me.routes.ts';
import { campaignsModule } from './campaigns/campaigns.module.ts';
import { resultsModule } from './results/results.module.ts';
import { materialsModule } from './materials/materials.module.ts';
import { collectionsModule } from './collections/collections.module.ts';
import { MAX_UPLOAD_BYTES } from './http/uploads.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { JobsRepository } from './jobs/jobs.repository.ts';
import { jobsRoutes } from './jobs/jobs.routes.ts';
import { NotificationsRepository } from './notifications/notifications.repository.ts';
import { notificationsRoutes } from './notifications/notifications.routes.ts';
import { NotificationsService } from './notifications/notifications.service.ts';
import type { PlatformDeps } from './platform.ts';
import { publicationsModule } from './publications/publications.module.ts';
import { registrationModule } from './registration/registration.module.ts';
import type { BlobStorage } from './storage/blob-storage.ts';
import { BlobsRepository } from './storage/blobs.repository.ts';
import { LocalDiskStorage } from './storage/local-disk-storage.ts';
import { MeService } from './me/me.service.ts';

export interface AppDeps {
  config: Config;
  db: Kysely<DB>;
  clock: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Defaults to files under DATA_DIR/blobs. */
  blobs?: BlobStorage;
}

/** Wires repositories into services and services into routes; nothing here holds logic. */
export async function buildApp({ config, db, clock, logger, blobs: givenBlobs }: AppDeps) {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  const scopes = new ScopeRepository(db);
  const access = new AccessService(scopes, clock);
  const users = new UsersRepository(db);
  const sessions = new SessionsRepository(db);
  const audit = new AuditRepository(db);
  const store = new SessionStore(sessions, clock, config.sessionTtlMs);
  const throttle = new LoginThrottle(new ThrottleRepository(db));
  const auth = new AuthService({
    db,
    clock,
    users,
    sessions,
    store,
    throttle,
    audit,
    supportContact: config.supportContact,
  });
  const me = new MeService({ clock, users, sessions, store, audit });
  const hierarchyRepo = new HierarchyRepository(db);
  const hierarchy = new HierarchyService({ repo: hierarchyRepo });
  const accounts = new AccountsService({
    db,
    clock,
    repo: new AccountsRepository(db),
    hierarchy: hierarchyRepo,
    users,
    sessions,
    store,
    audit,
    access,
    siteUrl: config.publicUrl,
    supportContact: config.supportContact,
  });

  const blobs = givenBlobs ?? new LocalDiskStorage(path.join(config.dataDir, 'blobs'));
  const blobsRepo = new BlobsRepository(db);
  const jobsRepo = new JobsRepository(db);
  const jobs = new JobRunner(jobsRepo, clock, app.log, 500, Math.max(1, config.jobWorkers));
  const notifications = new NotificationsService(new NotificationsRepository(db), blobs, clock);
  const platform: PlatformDeps = { config, db, clock, access, jobs, notifications, blobs, blobsRepo };

  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 2000, fields: 50, fieldSize: 64 * 1024, parts: 2100 },
  });
  // routes of the documentation plugins are public by nature: they describe the API, not data
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: 'public' };
  });
  const routes = installAuthHooks(app, { store, access });

  await app.register(swagger, {
    openapi: {
      info: { title: 'ОКО API', version: '0.1.0', description: 'API платформы оценочных процедур ОКО' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'oko_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get('/healthz', {
    config: { access: 'public' },
    schema: { summary: 'Проверка работоспособности', tags: ['Служебное'], response: { 200: Health } },
    handler: async () => {
      await sql`select 1`.execute(db);
      return { status: 'ok' as const, database: 'ok' as const };
    },
  });
  authRoutes(app, { auth, me, cookieSecure: config.cookieSecure });
  meRoutes(app, { me, auth });
  hierarchyRoutes(app, hierarchy);
  accountsRoutes(app, accounts);
  jobsRoutes(app, jobsRepo);
  notificationsRoutes(app, notifications);
  publicationsModule(app, platform);
  collectionsModule(app, platform);
  registrationModule(app, platform);
  campaignsModule(app, platform);
  materialsModule(app, platform);
  resultsModule(app, platform);

  await serveWeb(app, config.webDist);
  return {
    app,
    routes,
    services: { auth, me, hierarchy, accounts, access, store, jobs, notifications, blobs },
  };
}

/** The built cabinet (apps/web/dist), with every non-API path answered by index.html. */
async function serveWeb(app: App, webDist: string | undefined): Promise<void> {
  const root = webDist ?? path.resolve(import.meta.dirname, '../../web/dist');
  const hasWeb = fs.existsSync(path.join(root, 'index.html'));
  if (hasWeb) {
    await app.register(async (scope) => {
      scope.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' };
      });
      await scope.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
    });
  }
  const indexHtml = hasWeb ? fs.readFileSync(path.join(root, 'index.html')) : null;
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/') && req.url !== '/healthz';
    if (isPage && indexHtml) return reply.type('text/html; charset=utf-8').send(indexHtml);
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `Адрес не найден: ${req.method} ${req.url.split('?')[0]}` } });
  });
}
