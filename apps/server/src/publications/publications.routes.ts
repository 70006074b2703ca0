import {
  CreatePublication,
  CreateStorage,
  Publication,
  PublicationList,
  PublicationParams,
  PublicationQuery,
  Storage,
} from '@oko/shared';
import { actorOf, type App } from '../http/route-config.ts';
import type { PublicationsService } from './publications.service.ts';

const TAGS = ['Публикации'];

export function publicationsRoutes(app: App, svc: PublicationsService): void {
  app.get('/api/publications', {
    config: { access: 'publication.read' },
    schema: {
      summary: 'Публикации, адресованные мне, с хранилищами и сборами данных',
      tags: TAGS,
      querystring: PublicationQuery,
      response: { 200: PublicationList },
    },
    handler: (req) => svc.list(actorOf(req), req.query.section),
  });

  app.post('/api/publications', {
    config: {
      access: 'publication.write',
      exampleBody: {
        section: 'vpr',
        title: 'Порядок проведения ВПР',
        body: 'Уважаемые коллеги!',
        audience: { roles: ['school'], regionCodes: null, orgIds: null },
        storages: ['Материалы'],
      },
    },
    schema: {
      summary: 'Опубликовать',
      tags: TAGS,
      body: CreatePublication,
      response: { 201: Publication },
    },
    handler: async (req, reply) => reply.status(201).send(await svc.create(actorOf(req), req.body)),
  });

  app.delete('/api/publications/:publicationId', {
    config: { access: 'publication.write', scope: { publicationId: 'publication' } },
    schema: { summary: 'Удалить публикацию', tags: TAGS, params: PublicationParams },
    handler: async (req, reply) => {
      await svc.remove(actorOf(req), req.params.publicationId);
      return reply.status(204).send();
    },
  });

  app.post('/api/publications/:publicationId/storages', {
    config: {
      access: 'publication.write',
      scope: { publicationId: 'publication' },
      exampleBody: { title: 'Хранилище файлов' },
    },
    schema: {
      summary: 'Добавить хранилище файлов',
      tags: TAGS,
      params: PublicationParams,
      body: CreateStorage,
      response: { 201: Storage },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.addStorage(actorOf(req), req.params.publicationId, req.body.title)),
  });
}
