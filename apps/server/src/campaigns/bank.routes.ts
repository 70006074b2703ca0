import { Bank, BankImportResult, BankParams } from '@oko/shared';
import { readFormUpload } from '../collections/xlsx-upload.ts';
import { actorOf, type App } from '../http/route-config.ts';
import { sendXlsx } from '../http/xlsx-reply.ts';
import type { BankService } from './bank.service.ts';

const tags = ['Кампании ВПР'];
const scope = { campaignId: 'campaign', subjectId: 'subject' } as const;

/** The task bank of a subject: federal level only. */
export function bankRoutes(app: App, bank: BankService): void {
  app.get('/api/campaigns/:campaignId/subjects/:subjectId/bank', {
    config: { access: 'campaign.manage', scope },
    schema: {
      summary: 'Банк заданий предмета: варианты каждого задания',
      tags,
      params: BankParams,
      response: { 200: Bank },
    },
    handler: (req) => bank.get(actorOf(req), req.params.campaignId, req.params.subjectId),
  });

  app.get('/api/campaigns/:campaignId/subjects/:subjectId/bank.xlsx', {
    config: { access: 'campaign.manage', scope },
    schema: { summary: 'Скачать банк заданий предмета (XLSX)', tags, params: BankParams },
    handler: async (req, reply) =>
      sendXlsx(reply, await bank.download(actorOf(req), req.params.campaignId, req.params.subjectId)),
  });

  app.post('/api/campaigns/:campaignId/subjects/:subjectId/bank', {
    config: { access: 'campaign.manage', scope },
    schema: {
      summary: 'Загрузить банк заданий предмета из XLSX (заменяет банк целиком)',
      tags,
      params: BankParams,
      consumes: ['multipart/form-data'],
      response: { 200: BankImportResult },
    },
    handler: async (req) => {
      const bytes = await readFormUpload(req);
      return bank.upload(actorOf(req), req.params.campaignId, req.params.subjectId, bytes);
    },
  });
}
