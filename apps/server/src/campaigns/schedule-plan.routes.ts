import {
  CampaignParams,
  ScheduleFileQuery,
  ScheduleFromApplications,
  SchedulePlan,
  SchedulePlanQuery,
  ScheduleSetResult,
} from '@oko/shared';
import { readFormUpload } from '../collections/xlsx-upload.ts';
import { actorOf, type App } from '../http/route-config.ts';
import { sendXlsx } from '../http/xlsx-reply.ts';
import type { SchedulePlanService } from './schedule-plan.service.ts';

const tags = ['Кампании ВПР'];
const scope = { campaignId: 'campaign' } as const;

const EXAMPLE_FROM_APPLICATIONS: ScheduleFromApplications = {
  subjectId: '00000000-0000-4000-8000-000000000001',
  testDate: '2027-04-15',
};

/**
 * The plan-schedule for coordinators. The ОО come from the actor's scope (the access module's rules), so
 * no body carries ids: the region a federal user may name is checked by the service as a `region` id.
 */
export function schedulePlanRoutes(app: App, plan: SchedulePlanService): void {
  app.get('/api/campaigns/:campaignId/schedule', {
    config: { access: 'campaign.read', scope },
    schema: {
      summary: 'План-график предмета: ОО с подтверждённой заявкой и назначенные даты',
      tags,
      params: CampaignParams,
      querystring: SchedulePlanQuery,
      response: { 200: SchedulePlan },
    },
    handler: (req) => plan.list(actorOf(req), req.params.campaignId, req.query),
  });

  app.post('/api/campaigns/:campaignId/schedule/from-applications', {
    config: { access: 'schedule.manage', scope, exampleBody: EXAMPLE_FROM_APPLICATIONS },
    schema: {
      summary: 'Назначить дату всем ОО с подтверждённой заявкой по предмету, у которых даты ещё нет',
      tags,
      params: CampaignParams,
      body: ScheduleFromApplications,
      response: { 200: ScheduleSetResult },
    },
    handler: (req) => plan.fromApplications(actorOf(req), req.params.campaignId, req.body),
  });

  app.get('/api/campaigns/:campaignId/schedule.xlsx', {
    config: { access: 'schedule.manage', scope },
    schema: {
      summary: 'Скачать план-график (XLSX)',
      tags,
      params: CampaignParams,
      querystring: ScheduleFileQuery,
    },
    handler: async (req, reply) => sendXlsx(reply, await plan.download(actorOf(req), req.params.campaignId, req.query)),
  });

  app.post('/api/campaigns/:campaignId/schedule/import', {
    config: { access: 'schedule.manage', scope },
    schema: {
      summary: 'Загрузить план-график из XLSX: даты проведения по ОО и предметам',
      tags,
      params: CampaignParams,
      consumes: ['multipart/form-data'],
      response: { 200: ScheduleSetResult },
    },
    handler: async (req) => {
      const bytes = await readFormUpload(req);
      return plan.upload(actorOf(req), req.params.campaignId, bytes);
    },
  });
}
