import {
  JobStarted,
  MyResults,
  ObjectivityReport,
  ReportQuery,
  REPORT_KINDS,
  REPORT_TITLES,
  ReportTable,
  ResultsExceptionGrant,
  ResultsMonitoring,
  ResultsMonitoringQuery,
  ResultsSubjectParams,
  ResultsSubjectRoute,
  ResultsView,
  SaveEntry,
  SaveResult,
  SubmitEntry,
  SubmitResult,
} from '@oko/shared';
import { z } from 'zod';
import { readFormUpload } from '../collections/xlsx-upload.ts';
import { actorOf, type App } from '../http/route-config.ts';
import { sendXlsx } from '../http/xlsx-reply.ts';
import type { AnalyticsService } from './analytics/analytics.service.ts';
import type { MonitoringService } from './monitoring.service.ts';
import type { ResultsService } from './results.service.ts';

const tags = ['Результаты ВПР'];
const analyticsTags = ['Аналитика ВПР'];
const subjectScope = { campaignId: 'campaign', subjectId: 'subject' } as const;
const EXAMPLE_ID = '00000000-0000-4000-8000-000000000001';

export function resultsRoutes(
  app: App,
  svc: { results: ResultsService; monitoring: MonitoringService; analytics: AnalyticsService },
): void {
  // ---------- the ОО's forms ----------
  app.get('/api/vpr/results', {
    config: { access: 'results.submit' },
    schema: {
      summary: 'Мои формы результатов: предметы план-графика и их состояние',
      tags,
      response: { 200: MyResults },
    },
    handler: (req) => svc.results.mySubjects(actorOf(req)),
  });

  app.get('/api/vpr/results/:subjectId', {
    config: { access: 'results.submit', scope: { subjectId: 'subject' } },
    schema: {
      summary: 'Форма результатов предмета: бланк, сохранённые данные, версии, коды участников',
      tags,
      params: ResultsSubjectParams,
      response: { 200: ResultsView },
    },
    handler: (req) => svc.results.view(actorOf(req), req.params.subjectId),
  });

  app.put('/api/vpr/results/:subjectId/entry', {
    config: { access: 'results.submit', scope: { subjectId: 'subject' }, exampleBody: { data: {}, version: 0 } },
    schema: {
      summary: 'Автосохранение формы результатов',
      tags,
      params: ResultsSubjectParams,
      body: SaveEntry,
      response: { 200: SaveResult },
    },
    handler: (req) => svc.results.save(actorOf(req), req.params.subjectId, req.body),
  });

  app.post('/api/vpr/results/:subjectId/submit', {
    config: { access: 'results.submit', scope: { subjectId: 'subject' }, exampleBody: { version: 1 } },
    schema: {
      summary: 'Сдать результаты, заполненные на сайте',
      tags,
      params: ResultsSubjectParams,
      body: SubmitEntry,
      response: { 200: SubmitResult },
    },
    handler: (req) => svc.results.submit(actorOf(req), req.params.subjectId, req.body.version),
  });

  app.get('/api/vpr/results/:subjectId/form.xlsx', {
    config: { access: 'results.submit', scope: { subjectId: 'subject' } },
    schema: {
      summary: 'Скачать форму сбора результатов (XLSX) с уже внесёнными данными',
      tags,
      params: ResultsSubjectParams,
    },
    handler: async (req, reply) => sendXlsx(reply, await svc.results.downloadXlsx(actorOf(req), req.params.subjectId)),
  });

  app.post('/api/vpr/results/:subjectId/upload', {
    config: { access: 'results.submit', scope: { subjectId: 'subject' } },
    schema: {
      summary: 'Загрузить заполненную форму результатов (XLSX); повторная загрузка заменяет прежнюю',
      tags,
      params: ResultsSubjectParams,
      consumes: ['multipart/form-data'],
      response: { 200: SubmitResult },
    },
    handler: async (req) => svc.results.uploadXlsx(actorOf(req), req.params.subjectId, await readFormUpload(req)),
  });

  // ---------- coordinators ----------
  app.get('/api/campaigns/:campaignId/subjects/:subjectId/results/monitoring', {
    config: { access: 'results.monitor', scope: subjectScope },
    schema: {
      summary: 'Мониторинг загрузки результатов по ОО моей зоны',
      tags,
      params: ResultsSubjectRoute,
      querystring: ResultsMonitoringQuery,
      response: { 200: ResultsMonitoring },
    },
    handler: (req) => svc.monitoring.monitoring(actorOf(req), req.params.campaignId, req.params.subjectId, req.query),
  });

  app.get('/api/campaigns/:campaignId/subjects/:subjectId/results/monitoring.xlsx', {
    config: { access: 'results.monitor', scope: subjectScope },
    schema: { summary: 'Мониторинг загрузки результатов в XLSX', tags, params: ResultsSubjectRoute },
    handler: async (req, reply) =>
      sendXlsx(reply, await svc.monitoring.exportXlsx(actorOf(req), req.params.campaignId, req.params.subjectId)),
  });

  app.post('/api/campaigns/:campaignId/subjects/:subjectId/results/exceptions', {
    config: {
      access: 'results.manage',
      scope: subjectScope,
      exampleBody: { orgId: EXAMPLE_ID, openUntil: '2026-12-31T21:00:00Z' },
    },
    schema: {
      summary: 'Разрешить одной ОО загрузку результатов после срока',
      tags,
      params: ResultsSubjectRoute,
      body: ResultsExceptionGrant,
      response: { 200: z.object({ orgId: z.string(), openUntil: z.string() }) },
    },
    handler: (req) =>
      svc.monitoring.grantException(actorOf(req), req.params.campaignId, req.params.subjectId, req.body),
  });

  // ---------- analytics ----------
  app.get('/api/campaigns/:campaignId/subjects/:subjectId/analytics/objectivity', {
    config: { access: 'results.monitor', scope: subjectScope },
    schema: {
      summary: 'Признаки необъективности результатов по ОО моей зоны, с правилом и числами',
      tags: analyticsTags,
      params: ResultsSubjectRoute,
      response: { 200: ObjectivityReport },
    },
    handler: (req) => svc.analytics.objectivity(actorOf(req), req.params.campaignId, req.params.subjectId),
  });

  // one path per report: the path holds ids only, each checked against the scope
  for (const report of REPORT_KINDS) {
    app.get(`/api/campaigns/:campaignId/subjects/:subjectId/analytics/${report}`, {
      config: { access: 'analytics.read', scope: subjectScope },
      schema: {
        summary: `«${REPORT_TITLES[report]}» на экране: таблица и данные диаграммы`,
        tags: analyticsTags,
        params: ResultsSubjectRoute,
        querystring: ReportQuery,
        response: { 200: ReportTable },
      },
      handler: (req) =>
        svc.analytics.report(actorOf(req), req.params.campaignId, req.params.subjectId, report, req.query),
    });

    app.post(`/api/campaigns/:campaignId/subjects/:subjectId/analytics/${report}/export`, {
      config: { access: 'analytics.read', scope: subjectScope },
      schema: {
        summary: `«${REPORT_TITLES[report]}» в XLSX (фоновая задача с ходом выполнения, файл приходит в уведомления)`,
        tags: analyticsTags,
        params: ResultsSubjectRoute,
        querystring: ReportQuery,
        response: { 202: JobStarted },
      },
      handler: async (req, reply) =>
        reply
          .status(202)
          .send(
            await svc.analytics.startExport(
              actorOf(req),
              req.params.campaignId,
              req.params.subjectId,
              report,
              req.query,
            ),
          ),
    });
  }
}
