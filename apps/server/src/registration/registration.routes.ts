import {
  ApplicationApplyResult,
  ApplicationCollectionList,
  ApplicationPreview,
  ApplyPreview,
  CollectionParams,
  CoordinatorsApplyResult,
  CoordinatorsPreview,
  MyApplication,
  MyApplicationList,
  RegionQuery,
  RegistryApplyResult,
  RegistryOverview,
  RegistryPreview,
} from '@oko/shared';
import { readFormUpload } from '../collections/xlsx-upload.ts';
import { sendXlsx } from '../http/xlsx-reply.ts';
import { actorOf, type App } from '../http/route-config.ts';
import type { ApplicationsService } from './applications.service.ts';
import type { CoordinatorsService } from './coordinators.service.ts';
import type { RegistryService } from './registry.service.ts';

const EXAMPLE_PREVIEW = { previewId: '00000000-0000-4000-8000-000000000001' };
const registryTags = ['Регистрация ОО'];
const applicationTags = ['Заявки на участие'];

export function registrationRoutes(
  app: App,
  svc: { registry: RegistryService; coordinators: CoordinatorsService; applications: ApplicationsService },
): void {
  const { registry, coordinators, applications } = svc;

  // ---------- registry check ----------

  app.get('/api/registry', {
    config: { access: 'registry.manage' },
    schema: {
      summary: 'Выверка ОО: сводка по моему муниципалитету или региону',
      tags: registryTags,
      querystring: RegionQuery,
      response: { 200: RegistryOverview },
    },
    handler: (req) => registry.overview(actorOf(req), req.query),
  });

  app.get('/api/registry/file', {
    config: { access: 'registry.manage' },
    schema: { summary: 'Скачать список ОО для выверки (XLSX)', tags: registryTags, querystring: RegionQuery },
    handler: async (req, reply) => sendXlsx(reply, await registry.download(actorOf(req), req.query)),
  });

  app.post('/api/registry/preview', {
    config: { access: 'registry.manage' },
    schema: {
      summary: 'Загрузить выверенный список ОО: предварительный просмотр изменений',
      tags: registryTags,
      querystring: RegionQuery,
      consumes: ['multipart/form-data'],
      response: { 200: RegistryPreview },
    },
    handler: async (req) => {
      const bytes = await readFormUpload(req);
      return registry.preview(actorOf(req), req.query, bytes);
    },
  });

  app.post('/api/registry/apply', {
    config: { access: 'registry.manage', exampleBody: EXAMPLE_PREVIEW },
    schema: {
      summary: 'Применить выверку ОО (новые реквизиты показываются один раз)',
      tags: registryTags,
      body: ApplyPreview,
      response: { 200: RegistryApplyResult },
    },
    handler: (req) => registry.apply(actorOf(req), req.body.previewId),
  });

  // ---------- municipal coordinators ----------

  app.get('/api/registry/coordinators/file', {
    config: { access: 'registry.manage' },
    schema: {
      summary: 'Скачать список муниципальных координаторов (XLSX)',
      tags: registryTags,
      querystring: RegionQuery,
    },
    handler: async (req, reply) => sendXlsx(reply, await coordinators.download(actorOf(req), req.query)),
  });

  app.post('/api/registry/coordinators/preview', {
    config: { access: 'registry.manage' },
    schema: {
      summary: 'Загрузить список муниципальных координаторов: предварительный просмотр',
      tags: registryTags,
      querystring: RegionQuery,
      consumes: ['multipart/form-data'],
      response: { 200: CoordinatorsPreview },
    },
    handler: async (req) => {
      const bytes = await readFormUpload(req);
      return coordinators.preview(actorOf(req), req.query, bytes);
    },
  });

  app.post('/api/registry/coordinators/apply', {
    config: { access: 'registry.manage', exampleBody: EXAMPLE_PREVIEW },
    schema: {
      summary: 'Применить список муниципальных координаторов',
      tags: registryTags,
      body: ApplyPreview,
      response: { 200: CoordinatorsApplyResult },
    },
    handler: (req) => coordinators.apply(actorOf(req), req.body.previewId),
  });

  // ---------- applications ----------

  app.get('/api/applications', {
    config: { access: 'application.consolidate' },
    schema: {
      summary: 'Сборы заявок и ход заполнения в моём регионе',
      tags: applicationTags,
      querystring: RegionQuery,
      response: { 200: ApplicationCollectionList },
    },
    handler: (req) => applications.list(actorOf(req), req.query),
  });

  app.get('/api/applications/mine', {
    config: { access: 'collection.fill' },
    schema: {
      summary: 'Мои заявки и их подтверждение',
      tags: applicationTags,
      response: { 200: MyApplicationList },
    },
    handler: (req) => applications.mineList(actorOf(req)),
  });

  app.get('/api/applications/:collectionId/mine', {
    config: { access: 'collection.fill', scope: { collectionId: 'collection' } },
    schema: {
      summary: 'Моя заявка: что сдано и что подтверждено',
      tags: applicationTags,
      params: CollectionParams,
      response: { 200: MyApplication },
    },
    handler: (req) => applications.mine(actorOf(req), req.params.collectionId),
  });

  app.get('/api/applications/:collectionId/consolidated', {
    config: { access: 'application.consolidate', scope: { collectionId: 'collection' } },
    schema: {
      summary: 'Скачать сводный файл заявок региона (XLSX)',
      tags: applicationTags,
      params: CollectionParams,
      querystring: RegionQuery,
    },
    handler: async (req, reply) =>
      sendXlsx(reply, await applications.consolidated(actorOf(req), req.params.collectionId, req.query)),
  });

  app.post('/api/applications/:collectionId/preview', {
    config: { access: 'application.consolidate', scope: { collectionId: 'collection' } },
    schema: {
      summary: 'Загрузить сводный файл заявок: предварительный просмотр',
      tags: applicationTags,
      params: CollectionParams,
      querystring: RegionQuery,
      consumes: ['multipart/form-data'],
      response: { 200: ApplicationPreview },
    },
    handler: async (req) => {
      const bytes = await readFormUpload(req);
      return applications.preview(actorOf(req), req.params.collectionId, req.query, bytes);
    },
  });

  app.post('/api/applications/:collectionId/apply', {
    config: {
      access: 'application.consolidate',
      scope: { collectionId: 'collection' },
      exampleBody: EXAMPLE_PREVIEW,
    },
    schema: {
      summary: 'Подтвердить заявки по загруженному файлу',
      tags: applicationTags,
      params: CollectionParams,
      body: ApplyPreview,
      response: { 200: ApplicationApplyResult },
    },
    handler: (req) => applications.apply(actorOf(req), req.params.collectionId, req.body.previewId),
  });
}
