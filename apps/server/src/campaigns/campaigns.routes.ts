import {
  CampaignCreate,
  CampaignDetail,
  CampaignList,
  CampaignParams,
  MySchedule,
  ScheduleSet,
  ScheduleSetResult,
  Subject,
  SubjectCreate,
} from '@oko/shared';
import { actorOf, type App } from '../http/route-config.ts';
import type { CampaignsService } from './campaigns.service.ts';

const tags = ['Кампании ВПР'];
const campaignScope = { campaignId: 'campaign' } as const;

const EXAMPLE_CAMPAIGN: CampaignCreate = {
  code: 'vpr-2027',
  title: 'ВПР 2027',
  windowStart: '2027-04-01',
  windowEnd: '2027-05-20',
};
const EXAMPLE_SUBJECT: SubjectCreate = {
  code: 'МА',
  name: 'Математика',
  grade: 4,
  group: 'open',
  variants: 2,
  scale3: 6,
  scale4: 10,
  scale5: 15,
  resultsDeadline: '2027-05-25',
  tasks: [
    { number: '1', maxScore: 10, difficulty: 'Б', plannedResult: 'Вычисления' },
    { number: '2К1', maxScore: 6, difficulty: 'П', plannedResult: 'Текстовая задача: решение' },
    { number: '2К2', maxScore: 4, difficulty: 'П', plannedResult: 'Текстовая задача: ответ', dependsOn: '2К1' },
  ],
};
const EXAMPLE_SCHEDULE: ScheduleSet = {
  subjectId: '00000000-0000-4000-8000-000000000001',
  orgIds: ['00000000-0000-4000-8000-000000000002'],
  testDate: '2027-04-15',
};

export function campaignsRoutes(app: App, campaigns: CampaignsService): void {
  app.post('/api/campaigns', {
    config: { access: 'campaign.manage', exampleBody: EXAMPLE_CAMPAIGN },
    schema: { summary: 'Создать кампанию ВПР', tags, body: CampaignCreate, response: { 201: CampaignDetail } },
    handler: async (req, reply) => reply.status(201).send(await campaigns.create(actorOf(req), req.body)),
  });

  app.get('/api/campaigns', {
    config: { access: 'campaign.read' },
    schema: { summary: 'Кампании ВПР', tags, response: { 200: CampaignList } },
    handler: (req) => campaigns.list(actorOf(req)),
  });

  app.get('/api/campaigns/:campaignId', {
    config: { access: 'campaign.read', scope: campaignScope },
    schema: {
      summary: 'Кампания ВПР: предметы, задания, шкалы',
      tags,
      params: CampaignParams,
      response: { 200: CampaignDetail },
    },
    handler: (req) => campaigns.detail(actorOf(req), req.params.campaignId),
  });

  app.post('/api/campaigns/:campaignId/subjects', {
    config: { access: 'campaign.manage', scope: campaignScope, exampleBody: EXAMPLE_SUBJECT },
    schema: {
      summary: 'Добавить предмет с заданиями и шкалой перевода',
      tags,
      params: CampaignParams,
      body: SubjectCreate,
      response: { 201: Subject },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await campaigns.addSubject(actorOf(req), req.params.campaignId, req.body)),
  });

  app.put('/api/campaigns/:campaignId/schedule', {
    config: {
      access: 'schedule.manage',
      scope: campaignScope,
      bodyScope: { orgIds: 'org' },
      exampleBody: EXAMPLE_SCHEDULE,
    },
    schema: {
      summary: 'План-график: дата проведения предмета для ОО',
      tags,
      params: CampaignParams,
      body: ScheduleSet,
      response: { 200: ScheduleSetResult },
    },
    handler: (req) => campaigns.setSchedule(actorOf(req), req.params.campaignId, req.body),
  });

  app.get('/api/campaigns/:campaignId/schedule/mine', {
    config: { access: 'campaign.read', scope: campaignScope },
    schema: {
      summary: 'План-график моей ОО со сроками материалов',
      tags,
      params: CampaignParams,
      response: { 200: MySchedule },
    },
    handler: (req) => campaigns.mySchedule(actorOf(req), req.params.campaignId),
  });
}
