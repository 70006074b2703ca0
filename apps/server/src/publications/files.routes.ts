import { FileParams, FilePage, FileQuery, JobStarted, StorageParams, UploadFilesResult } from '@oko/shared';
import { contentDisposition } from '../http/content-disposition.ts';
import { badRequest } from '../http/errors.ts';
import { actorOf, type App } from '../http/route-config.ts';
import type { DownloadReportService } from './download-report.service.ts';
import type { FilesService } from './files.service.ts';
import type { UploadService } from './upload.service.ts';

const TAGS = ['Хранилища файлов'];

export function filesRoutes(
  app: App,
  svc: { files: FilesService; upload: UploadService; report: DownloadReportService },
): void {
  app.get('/api/storages/:storageId/files', {
    config: { access: 'publication.read', scope: { storageId: 'storage' } },
    schema: {
      summary: 'Файлы хранилища: поиск по имени, страницы («Раскрыть»)',
      tags: TAGS,
      params: StorageParams,
      querystring: FileQuery,
      response: { 200: FilePage },
    },
    handler: (req) => svc.files.page(actorOf(req), req.params.storageId, req.query),
  });

  app.get('/api/files/:fileId', {
    config: { access: 'publication.read', scope: { fileId: 'file' } },
    schema: {
      summary: 'Скачать файл (поддерживает Range — докачку)',
      tags: TAGS,
      params: FileParams,
    },
    handler: async (req, reply) => {
      const d = await svc.files.download(actorOf(req), req.params.fileId, {
        range: req.headers.range,
        ifRange: [req.headers['if-range']].flat()[0],
        record: req.method === 'GET',
      });
      reply.header('accept-ranges', 'bytes').header('cache-control', 'private, no-cache');
      if (d.kind === 'unsatisfiable') {
        return reply
          .status(416)
          .header('content-range', `bytes */${d.size}`)
          .send({ error: { code: 'RANGE_NOT_SATISFIABLE', message: 'Запрошенный диапазон вне файла' } });
      }
      reply
        .header('content-type', d.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('etag', d.etag)
        .header('content-disposition', contentDisposition(d.name));
      if (d.range) {
        reply
          .status(206)
          .header('content-range', `bytes ${d.range.start}-${d.range.end}/${d.size}`)
          .header('content-length', d.range.end - d.range.start + 1);
      } else {
        reply.header('content-length', d.size);
      }
      return reply.send(d.stream);
    },
  });

  app.get('/api/storages/:storageId/zip', {
    // a HEAD would build the archive and count downloads for nothing
    exposeHeadRoute: false,
    config: { access: 'publication.read', scope: { storageId: 'storage' } },
    schema: { summary: '«Скачать всё»: файлы хранилища одним ZIP-архивом', tags: TAGS, params: StorageParams },
    handler: async (req, reply) => {
      const z = await svc.files.zip(actorOf(req), req.params.storageId, (err) =>
        req.log.error({ err }, 'архив хранилища прерван'),
      );
      return reply
        .header('content-type', 'application/zip')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(z.name))
        .send(z.stream);
    },
  });

  app.post('/api/storages/:storageId/files', {
    config: { access: 'publication.write', scope: { storageId: 'storage' } },
    schema: {
      summary: 'Загрузить файлы (multipart: файлы и поля individual, onlyForOrgs, availableAt, availableLocal)',
      tags: TAGS,
      params: StorageParams,
      response: { 201: UploadFilesResult },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw badRequest('Ожидалась загрузка файлов (multipart/form-data)');
      return reply.status(201).send(await svc.upload.upload(actorOf(req), req.params.storageId, req.parts()));
    },
  });

  app.post('/api/storages/:storageId/report', {
    config: { access: 'storage.report', scope: { storageId: 'storage' } },
    schema: {
      summary: 'Отчёт о скачивании файлов (в фоне, придёт уведомлением)',
      tags: TAGS,
      params: StorageParams,
      response: { 202: JobStarted },
    },
    handler: async (req, reply) => reply.status(202).send(await svc.report.start(actorOf(req), req.params.storageId)),
  });
}
