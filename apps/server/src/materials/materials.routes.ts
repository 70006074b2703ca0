import {
  ArchivePassword,
  CampaignParams,
  JobStarted,
  KitsConfirm,
  MaterialsStatus,
  MaterialsSubjectParams,
  SubjectParams,
  Tracking,
  TrackingQuery,
  VprProgress,
} from '@oko/shared';
import { actorOf, type App } from '../http/route-config.ts';
import type { MaterialsService } from './materials.service.ts';
import type { ProgressService } from './progress.service.ts';
import type { TrackingService } from './tracking.service.ts';

const tags = ['Материалы ВПР'];
const subjectScope = { campaignId: 'campaign', subjectId: 'subject' } as const;

export function materialsRoutes(
  app: App,
  svc: { materials: MaterialsService; progress: ProgressService; tracking: TrackingService },
): void {
  app.get('/api/campaigns/:campaignId/subjects/:subjectId/materials', {
    config: { access: 'campaign.manage', scope: subjectScope },
    schema: {
      summary: 'Материалы предмета: сколько ОО ждут, сколько сформировано, полон ли банк',
      tags,
      params: SubjectParams,
      response: { 200: MaterialsStatus },
    },
    handler: (req) => svc.materials.status(actorOf(req), req.params.campaignId, req.params.subjectId),
  });

  app.post('/api/campaigns/:campaignId/subjects/:subjectId/materials', {
    config: { access: 'campaign.manage', scope: subjectScope },
    schema: {
      summary: 'Сформировать варианты и архивы предмета для всех ОО план-графика (фоновая задача)',
      tags,
      params: SubjectParams,
      response: { 202: JobStarted },
    },
    handler: async (req, reply) =>
      reply
        .status(202)
        .send(await svc.materials.startGeneration(actorOf(req), req.params.campaignId, req.params.subjectId)),
  });

  app.post('/api/campaigns/:campaignId/codes', {
    config: { access: 'campaign.manage', scope: { campaignId: 'campaign' } },
    schema: {
      summary: 'Сформировать коды участников и бумажные протоколы по заявкам (фоновая задача)',
      tags,
      params: CampaignParams,
      response: { 202: JobStarted },
    },
    handler: async (req, reply) =>
      reply.status(202).send(await svc.materials.startCodes(actorOf(req), req.params.campaignId)),
  });

  app.get('/api/campaigns/:campaignId/subjects/:subjectId/tracking', {
    config: { access: 'materials.monitor', scope: subjectScope },
    schema: {
      summary: 'Кто из ОО скачал архив, получил шифр и критерии',
      tags,
      params: SubjectParams,
      querystring: TrackingQuery,
      response: { 200: Tracking },
    },
    handler: (req) => svc.tracking.tracking(actorOf(req), req.params.campaignId, req.params.subjectId, req.query),
  });

  app.post('/api/campaigns/:campaignId/subjects/:subjectId/tracking/report', {
    config: { access: 'materials.monitor', scope: subjectScope },
    schema: {
      summary: 'Отчёт «Ход ВПР» в XLSX (фоновая задача, приходит в уведомления)',
      tags,
      params: SubjectParams,
      response: { 202: JobStarted },
    },
    handler: async (req, reply) =>
      reply.status(202).send(await svc.tracking.startReport(actorOf(req), req.params.campaignId, req.params.subjectId)),
  });

  app.get('/api/campaigns/:campaignId/progress', {
    config: { access: 'materials.receive', scope: { campaignId: 'campaign' } },
    schema: {
      summary: '«Ход ВПР» моей ОО: материалы, сроки в местном и московском времени, чек-лист',
      tags,
      params: CampaignParams,
      response: { 200: VprProgress },
    },
    handler: (req) => svc.progress.progress(actorOf(req), req.params.campaignId),
  });

  app.get('/api/vpr/materials/:subjectId/password', {
    config: { access: 'materials.receive', scope: { subjectId: 'subject' } },
    schema: {
      summary: 'Шифр к архиву: с 07:30 по местному времени в день проведения',
      tags,
      params: MaterialsSubjectParams,
      response: { 200: ArchivePassword },
    },
    handler: async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return svc.progress.password(actorOf(req), req.params.subjectId);
    },
  });

  app.post('/api/vpr/materials/:subjectId/kits', {
    config: { access: 'materials.receive', scope: { subjectId: 'subject' }, exampleBody: { count: 25 } },
    schema: {
      summary: 'Подтвердить число распечатанных комплектов',
      tags,
      params: MaterialsSubjectParams,
      body: KitsConfirm,
    },
    handler: async (req, reply) => {
      await svc.progress.confirmKits(actorOf(req), req.params.subjectId, req.body.count);
      return reply.status(204).send();
    },
  });
}
