import {
  CreateMunicipality,
  CreateOrg,
  Municipality,
  MunicipalityList,
  MunicipalityParams,
  Org,
  OrgList,
  OrgParams,
  Region,
  RegionCodeParams,
  RegionList,
} from '@oko/shared';
import { actorOf, type App } from '../http/route-config.ts';
import type { HierarchyService } from './hierarchy.service.ts';

export function hierarchyRoutes(app: App, svc: HierarchyService): void {
  app.get('/api/regions', {
    config: { access: 'region.list' },
    schema: { summary: 'Все регионы со сводкой', tags: ['Иерархия'], response: { 200: RegionList } },
    handler: () => svc.listRegions(),
  });

  app.get('/api/regions/:regionCode', {
    config: { access: 'region.read', scope: { regionCode: 'region' } },
    schema: { summary: 'Регион', tags: ['Иерархия'], params: RegionCodeParams, response: { 200: Region } },
    handler: (req) => svc.region(req.params.regionCode),
  });

  app.get('/api/regions/:regionCode/municipalities', {
    config: { access: 'municipality.read', scope: { regionCode: 'region' } },
    schema: {
      summary: 'Муниципалитеты региона',
      tags: ['Иерархия'],
      params: RegionCodeParams,
      response: { 200: MunicipalityList },
    },
    handler: (req) => svc.municipalitiesOfRegion(req.params.regionCode),
  });

  app.post('/api/regions/:regionCode/municipalities', {
    config: {
      access: 'municipality.create',
      scope: { regionCode: 'region' },
      exampleBody: { code: '901', name: 'Новый муниципальный округ' },
    },
    schema: {
      summary: 'Создать муниципалитет',
      tags: ['Иерархия'],
      params: RegionCodeParams,
      body: CreateMunicipality,
      response: { 201: Municipality },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.createMunicipality(req.params.regionCode, req.body)),
  });

  app.get('/api/municipalities', {
    config: { access: 'municipality.read' },
    schema: { summary: 'Муниципалитеты в моей зоне', tags: ['Иерархия'], response: { 200: MunicipalityList } },
    handler: (req) => svc.myMunicipalities(actorOf(req)),
  });

  app.get('/api/municipalities/:municipalityId', {
    config: { access: 'municipality.read', scope: { municipalityId: 'municipality' } },
    schema: {
      summary: 'Муниципалитет',
      tags: ['Иерархия'],
      params: MunicipalityParams,
      response: { 200: Municipality },
    },
    handler: (req) => svc.municipality(req.params.municipalityId),
  });

  app.get('/api/municipalities/:municipalityId/orgs', {
    config: { access: 'org.read', scope: { municipalityId: 'municipality' } },
    schema: {
      summary: 'ОО муниципалитета',
      tags: ['Иерархия'],
      params: MunicipalityParams,
      response: { 200: OrgList },
    },
    handler: (req) => svc.listOrgs(actorOf(req), req.params.municipalityId),
  });

  app.post('/api/municipalities/:municipalityId/orgs', {
    config: {
      access: 'org.create',
      scope: { municipalityId: 'municipality' },
      exampleBody: { code: '009901', kind: 'school', fullName: 'Новая школа', shortName: 'НШ' },
    },
    schema: {
      summary: 'Добавить ОО',
      tags: ['Иерархия'],
      params: MunicipalityParams,
      body: CreateOrg,
      response: { 201: Org },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await svc.createOrg(actorOf(req), req.params.municipalityId, req.body)),
  });

  app.get('/api/orgs', {
    config: { access: 'org.read' },
    schema: { summary: 'ОО в моей зоне', tags: ['Иерархия'], response: { 200: OrgList } },
    handler: (req) => svc.listOrgs(actorOf(req)),
  });

  app.get('/api/orgs/:orgId', {
    config: { access: 'org.read', scope: { orgId: 'org' } },
    schema: { summary: 'ОО', tags: ['Иерархия'], params: OrgParams, response: { 200: Org } },
    handler: (req) => svc.org(req.params.orgId),
  });
}
