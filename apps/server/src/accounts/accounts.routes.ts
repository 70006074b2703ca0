import {
  Account,
  AccountList,
  AccountParams,
  BulkIssueRequest,
  BulkIssueResult,
  IssueCoordinator,
  IssueRegionCoordinator,
  IssueResult,
  MunicipalityParams,
  OrgParams,
  RegionCodeParams,
} from '@oko/shared';
import { actorOf, type App } from '../http/route-config.ts';
import type { AccountsService } from './accounts.service.ts';

const contact = {
  fullName: 'Иванова Мария Петровна',
  position: 'Главный специалист',
  phone: '+7 (900) 000-00-00',
  email: 'coordinator@example.ru',
};
const tags = ['Учётные записи'];

export function accountsRoutes(app: App, svc: AccountsService): void {
  app.get('/api/accounts', {
    config: { access: 'account.read' },
    schema: { summary: 'Подчинённые учётные записи', tags, response: { 200: AccountList } },
    handler: (req) => svc.list(actorOf(req)),
  });

  app.post('/api/regions/:regionCode/coordinators', {
    config: {
      access: 'account.issue',
      scope: { regionCode: 'region' },
      exampleBody: { kind: 'region_coordinator', contact },
    },
    schema: {
      summary: 'Выдать реквизиты регионального координатора',
      tags,
      params: RegionCodeParams,
      body: IssueRegionCoordinator,
      response: { 200: IssueResult },
    },
    handler: (req) => svc.issueRegionCoordinator(actorOf(req), req.params.regionCode, req.body),
  });

  app.post('/api/municipalities/:municipalityId/coordinator', {
    config: { access: 'account.issue', scope: { municipalityId: 'municipality' }, exampleBody: { contact } },
    schema: {
      summary: 'Выдать реквизиты муниципального координатора',
      tags,
      params: MunicipalityParams,
      body: IssueCoordinator,
      response: { 200: IssueResult },
    },
    handler: (req) => svc.issueMunicipalCoordinator(actorOf(req), req.params.municipalityId, req.body.contact),
  });

  app.post('/api/orgs/:orgId/account', {
    config: { access: 'account.issue', scope: { orgId: 'org' } },
    schema: { summary: 'Выдать реквизиты ОО', tags, params: OrgParams, response: { 200: IssueResult } },
    handler: (req) => svc.issueOrgAccount(actorOf(req), req.params.orgId),
  });

  app.post('/api/accounts/:userId/reissue', {
    config: { access: 'account.issue', scope: { userId: 'account' } },
    schema: { summary: 'Перевыпустить пароль', tags, params: AccountParams, response: { 200: IssueResult } },
    handler: (req) => svc.reissue(actorOf(req), req.params.userId),
  });

  app.put('/api/accounts/:userId/contact', {
    config: { access: 'account.update', scope: { userId: 'account' }, exampleBody: { contact } },
    schema: {
      summary: 'Изменить контактные данные координатора',
      tags,
      params: AccountParams,
      body: IssueCoordinator,
      response: { 200: Account },
    },
    handler: (req) => svc.updateContact(actorOf(req), req.params.userId, req.body.contact),
  });

  app.post('/api/accounts/bulk-issue', {
    config: {
      access: 'account.issue',
      bodyScope: { userIds: 'account', orgIds: 'org' },
      exampleBody: { userIds: ['00000000-0000-4000-8000-000000000000'] },
    },
    schema: {
      summary: 'Массовая выдача реквизитов: карточки PDF и список XLSX',
      tags,
      body: BulkIssueRequest,
      response: { 200: BulkIssueResult },
    },
    handler: (req) => svc.bulkIssue(actorOf(req), req.body),
  });
}
