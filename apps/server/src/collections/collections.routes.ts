import {
  CollectionException,
  CollectionList,
  CollectionOrgParams,
  CollectionParams,
  CollectionView,
  GrantException,
  JobStarted,
  Monitor,
  MonitorQuery,
  SaveEntry,
  SaveResult,
  SubmitEntry,
  SubmitResult,
} from '@oko/shared';
import { sendXlsx } from '../http/xlsx-reply.ts';
import { actorOf, type App } from '../http/route-config.ts';
import type { CollectionMonitorService } from './collection-monitor.service.ts';
import type { CollectionsService } from './collections.service.ts';
import { readFormUpload } from './xlsx-upload.ts';

const tags = ['Сбор данных'];
const EXAMPLE_ID = '00000000-0000-4000-8000-000000000001';

export function collectionsRoutes(app: App, svc: CollectionsService, monitor: CollectionMonitorService): void {
  app.get('/api/collections', {
    // ОО see the collections they fill, coordinators those of their part of the country
    config: { access: 'authenticated' },
    schema: { summary: 'Мои сборы данных', tags, response: { 200: CollectionList } },
    handler: (req) => svc.list(actorOf(req)),
  });

  app.get('/api/collections/:collectionId', {
    config: { access: 'collection.fill', scope: { collectionId: 'collection' } },
    schema: { summary: 'Форма сбора данных ОО', tags, params: CollectionParams, response: { 200: CollectionView } },
    handler: (req) => svc.view(actorOf(req), req.params.collectionId),
  });

  app.put('/api/collections/:collectionId/entry', {
    config: {
      access: 'collection.fill',
      scope: { collectionId: 'collection' },
      exampleBody: { data: {}, version: 0 },
    },
    // a form of 1,500 rows × 50 columns is about 2 MB of JSON
    bodyLimit: 8 * 1024 * 1024,
    schema: {
      summary: 'Автосохранение формы (с проверкой версии)',
      tags,
      params: CollectionParams,
      body: SaveEntry,
      response: { 200: SaveResult },
    },
    handler: (req) => svc.save(actorOf(req), req.params.collectionId, req.body),
  });

  app.post('/api/collections/:collectionId/submit', {
    config: { access: 'collection.fill', scope: { collectionId: 'collection' }, exampleBody: { version: 1 } },
    schema: {
      summary: 'Сдать отчет',
      tags,
      params: CollectionParams,
      body: SubmitEntry,
      response: { 200: SubmitResult },
    },
    handler: (req) => svc.submit(actorOf(req), req.params.collectionId, req.body.version),
  });

  app.get('/api/collections/:collectionId/xlsx', {
    config: { access: 'collection.fill', scope: { collectionId: 'collection' } },
    schema: { summary: 'Скачать форму в XLSX с введёнными данными', tags, params: CollectionParams },
    handler: async (req, reply) => {
      const file = await svc.downloadXlsx(actorOf(req), req.params.collectionId);
      return sendXlsx(reply, file);
    },
  });

  app.post('/api/collections/:collectionId/xlsx', {
    config: { access: 'collection.fill', scope: { collectionId: 'collection' } },
    schema: {
      summary: 'Загрузить заполненную форму XLSX (это сдача отчета)',
      tags,
      params: CollectionParams,
      consumes: ['multipart/form-data'],
      response: { 200: SubmitResult },
    },
    handler: async (req) => {
      const bytes = await readFormUpload(req);
      return svc.uploadXlsx(actorOf(req), req.params.collectionId, bytes);
    },
  });

  app.get('/api/collections/:collectionId/monitor', {
    config: { access: 'collection.monitor', scope: { collectionId: 'collection' } },
    schema: {
      summary: 'Ход сбора данных по ОО моей зоны',
      tags,
      params: CollectionParams,
      querystring: MonitorQuery,
      response: { 200: Monitor },
    },
    handler: (req) => monitor.monitor(actorOf(req), req.params.collectionId, req.query),
  });

  app.get('/api/collections/:collectionId/orgs/:orgId', {
    config: { access: 'collection.monitor', scope: { collectionId: 'collection', orgId: 'org' } },
    schema: {
      summary: 'Данные одной ОО (просмотр)',
      tags,
      params: CollectionOrgParams,
      response: { 200: CollectionView },
    },
    handler: (req) => svc.orgView(req.params.collectionId, req.params.orgId),
  });

  app.post('/api/collections/:collectionId/export', {
    config: { access: 'collection.monitor', scope: { collectionId: 'collection' } },
    schema: { summary: 'Экспорт результатов (в фоне)', tags, params: CollectionParams, response: { 202: JobStarted } },
    handler: async (req, reply) =>
      reply.status(202).send(await monitor.startExport(actorOf(req), req.params.collectionId)),
  });

  app.post('/api/collections/:collectionId/exceptions', {
    config: {
      access: 'collection.manage',
      scope: { collectionId: 'collection' },
      exampleBody: { orgId: EXAMPLE_ID, openUntil: '2026-12-31T21:00:00Z' },
    },
    schema: {
      summary: 'Продлить сбор для одной ОО',
      tags,
      params: CollectionParams,
      body: GrantException,
      response: { 200: CollectionException },
    },
    handler: (req) => svc.grantException(actorOf(req), req.params.collectionId, req.body),
  });
}
