import { CampaignParams, StructureImportResult } from '@oko/shared';
import { readFormUpload } from '../collections/xlsx-upload.ts';
import { actorOf, type App } from '../http/route-config.ts';
import { sendXlsx } from '../http/xlsx-reply.ts';
import type { StructureService } from './structure.service.ts';

const tags = ['Кампании ВПР'];
const scope = { campaignId: 'campaign' } as const;

/** The campaign structure (subjects, tasks, scales) as a workbook: federal level only. */
export function structureRoutes(app: App, structure: StructureService): void {
  app.get('/api/campaigns/:campaignId/structure.xlsx', {
    config: { access: 'campaign.manage', scope },
    schema: {
      summary: 'Скачать структуру кампании: предметы, задания, шкалы (XLSX)',
      tags,
      params: CampaignParams,
    },
    handler: async (req, reply) => sendXlsx(reply, await structure.download(actorOf(req), req.params.campaignId)),
  });

  app.post('/api/campaigns/:campaignId/structure', {
    config: { access: 'campaign.manage', scope },
    schema: {
      summary: 'Загрузить структуру кампании из XLSX: новые предметы и изменения существующих',
      tags,
      params: CampaignParams,
      consumes: ['multipart/form-data'],
      response: { 200: StructureImportResult },
    },
    handler: async (req) => {
      const bytes = await readFormUpload(req);
      return structure.upload(actorOf(req), req.params.campaignId, bytes);
    },
  });
}
