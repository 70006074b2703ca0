import type { ScopeKind } from '../src/access/scope.repository.ts';
import type { Harness } from './harness.ts';
import { signedIn, type Client } from './harness.ts';
import { PlatformFactory, TEST_PASSWORD } from './factories.ts';
import type { Role } from '@oko/shared';

/**
 * Two regions: 39 is "ours", 77 is foreign. Every foreign name carries the marker ЧУЖАЯ so a
 * response that leaks it is caught by a plain text search.
 */
export async function buildWorld(h: Harness) {
  const f = h.factory;
  const mA = await f.municipality('39', { code: '001', name: 'Наш муниципалитет А' });
  const mB = await f.municipality('39', { code: '002', name: 'Наш муниципалитет Б' });
  const s1 = await f.org({ municipalityId: mA.id, regionCode: '39', name: 'Наша школа 1' });
  const s2 = await f.org({ municipalityId: mB.id, regionCode: '39', name: 'Наша школа 2' });
  const c1 = await f.org({ municipalityId: mA.id, regionCode: '39', kind: 'college', name: 'Наш колледж' });
  const mF = await f.municipality('77', { code: '001', name: 'ЧУЖАЯ управа' });
  const sF = await f.org({ municipalityId: mF.id, regionCode: '77', name: 'ЧУЖАЯ школа' });
  const cF = await f.org({ municipalityId: mF.id, regionCode: '77', kind: 'college', name: 'ЧУЖАЯ колледж' });

  const users = {
    federal: await f.federal('fedadmin'),
    reg39: await f.regionCoordinator('39'),
    spo39: await f.spoCoordinator('39'),
    munA: await f.municipalCoordinator(mA),
    munB: await f.municipalCoordinator(mB),
    s1: await f.orgAccount(s1),
    s2: await f.orgAccount(s2),
    c1: await f.orgAccount(c1),
    reg77: await f.regionCoordinator('77'),
    spo77: await f.spoCoordinator('77'),
    munF: await f.municipalCoordinator(mF),
    sF: await f.orgAccount(sF),
    cF: await f.orgAccount(cF),
  };
  const pf = new PlatformFactory(h.db);
  // ours: reaches everyone in 39; foreign: region 77 only, authored there, with an individual file of sF
  const pub = await pf.publication({ title: 'Наша публикация' });
  const storage = await pf.storage(pub.id);
  const file = await pf.file(storage.id, { name: 'наш-файл.pdf' });
  const pubF = await pf.publication({ title: 'ЧУЖАЯ публикация', regionCodes: ['77'], ownerRegionCode: '77' });
  const storageF = await pf.storage(pubF.id, 'ЧУЖАЯ хранилище');
  const fileF = await pf.file(storageF.id, { name: 'ЧУЖАЯ-файл.pdf', orgId: sF.id });
  const collection = await pf.collection({ title: 'Наш сбор' });
  const collectionF = await pf.collection({ title: 'ЧУЖАЯ сбор', regionCodes: ['77'] });
  const notes: Record<string, string> = {};
  const jobs: Record<string, string> = {};
  for (const [key, u] of Object.entries(users)) {
    notes[key] = (await pf.notification(u.id, key.endsWith('F') || key.endsWith('77') ? 'ЧУЖАЯ весть' : 'Весть')).id;
    jobs[key] = (await pf.job(u.id)).id;
  }
  // campaigns are national: one real campaign serves as both "own" and "foreign"
  const campaign = await h.db
    .insertInto('campaigns')
    .values({ code: 'vpr-world', title: 'ВПР мира', window_start: '2026-11-01', window_end: '2026-12-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // a subject is national too, but an ОО reaches only the subjects of its own plan-schedule
  const subjectOf = (code: string) =>
    h.db
      .insertInto('subjects')
      .values({
        campaign_id: campaign.id,
        code,
        name: code === 'ИС' ? 'История' : 'Математика',
        grade: 6,
        materials_group: 'encrypted',
        variants: 1,
        max_score: 10,
        scale_3: 3,
        scale_4: 6,
        scale_5: 9,
        results_deadline: '2026-12-20',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const subject = await subjectOf('МА');
  const subjectF = await subjectOf('ИС');
  const scheduled = (subjectId: string, orgId: string) => ({
    campaign_id: campaign.id,
    subject_id: subjectId,
    org_id: orgId,
    test_date: '2026-12-10',
    chosen_at: new Date(),
  });
  await h.db
    .insertInto('schedule_entries')
    .values([scheduled(subject.id, s1.id), scheduled(subject.id, c1.id), scheduled(subjectF.id, sF.id)])
    .execute();
  const platform = {
    ...{ pub, storage, file, pubF, storageF, fileF, collection, collectionF, notes, jobs },
    ...{ campaign, subject, subjectF },
  };
  return { mA, mB, mF, s1, s2, c1, sF, cF, users, platform };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

/** One signed-in actor per role, all inside region 39. */
export const ACTORS = {
  federal_admin: 'federal',
  region_coordinator: 'reg39',
  spo_region_coordinator: 'spo39',
  municipal_coordinator: 'munA',
  school: 's1',
  college: 'c1',
} as const satisfies Record<Role, keyof World['users']>;

export async function signInAll(h: Harness, w: World): Promise<Record<Role, Client>> {
  const out = {} as Record<Role, Client>;
  for (const [role, key] of Object.entries(ACTORS) as [Role, keyof World['users']][]) {
    out[role] = await signedIn(h.app, w.users[key].login, TEST_PASSWORD);
  }
  return out;
}

/** For an actor of this role, an id of each kind that lies outside its scope. */
export async function foreignIds(h: Harness, w: World, role: Role): Promise<Record<ScopeKind, string>> {
  // a session of someone else: the foreign school signs in
  const other = await signedIn(h.app, w.users.sF.login, TEST_PASSWORD);
  const sessions = (await other.get('/api/me/sessions')).json() as { sessions: { id: string }[] };
  const federal = role === 'federal_admin';
  return {
    // the federal level has every region, municipality and ОО in scope: nothing there is foreign to it
    region: federal ? '00' : '77',
    municipality: federal ? '00000000-0000-4000-8000-000000000001' : w.mF.id,
    org: federal ? '00000000-0000-4000-8000-000000000002' : w.sF.id,
    // federal manages regional coordinators only: a school account is outside
    account: federal ? w.users.sF.id : w.users.reg77.id,
    session: sessions.sessions[0]!.id,
    publication: federal ? '00000000-0000-4000-8000-000000000003' : w.platform.pubF.id,
    storage: federal ? '00000000-0000-4000-8000-000000000004' : w.platform.storageF.id,
    file: federal ? '00000000-0000-4000-8000-000000000005' : w.platform.fileF.id,
    collection: federal ? '00000000-0000-4000-8000-000000000006' : w.platform.collectionF.id,
    notification: w.platform.notes.sF!,
    job: w.platform.jobs.sF!,
    // campaigns are national: the same campaign, so the foreign ОО in the body is what gets refused
    campaign: w.platform.campaign.id,
    // an ОО reaches only the subjects of its plan-schedule; for coordinators subjects are national
    subject: role === 'school' || role === 'college' ? w.platform.subjectF.id : w.platform.subject.id,
  };
}
