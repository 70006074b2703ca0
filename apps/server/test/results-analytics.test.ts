import type ExcelJS from 'exceljs';
import type { ObjectivityReport, ReportTable, ResultsMonitoring } from '@oko/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHarness, type Client, type Harness } from './harness.ts';
import { loadBook } from './campaigns-support.ts';
import {
  aggregate,
  as,
  buildCountry,
  checkSheet,
  deadlineMoment,
  expectedReport,
  exportXlsx,
  generatePupils,
  markOf,
  moscowText,
  pct,
  REPORT_NAMES,
  RUSSIAN,
  schoolLabel,
  seeded,
  sheetText,
  submitOnline,
  TEST_DAY_NOON,
  totalOf,
  trimNulls,
  uploadXlsx,
  type Country,
  type ExpectedReport,
  type ReportName,
  type SchoolRec,
  type Viewer,
  type XCell,
} from './results-analytics-support.ts';

let h: Harness;
let country: Country;

beforeAll(async () => {
  h = await startHarness();
  country = await buildCountry(h);
  h.clock.set(TEST_DAY_NOON);
  const s = country.schools;
  for (const key of ['astra', 'granit', 'dubrava', 'el', 'zhasmin']) {
    await uploadXlsx(h, country.math, s[key]!, s[key]!.planned);
  }
  await submitOnline(h, country.math, s.bereg!, s.bereg!.planned);
  // Астра writes Русский язык too: none of it may show in Математика
  await uploadXlsx(h, country.russian, s.astra!, generatePupils(RUSSIAN, seeded(7), { present: 6, absent: 1 }));
});
afterAll(() => h.close());

const base = () => `/api/campaigns/${country.campaignId}/subjects/${country.math.id}`;
const query = (detail: string | null) => (detail ? `?detail=${detail}` : '');

function compareScreen(table: ReportTable, want: ExpectedReport, label: string): void {
  expect(table.sheetName, label).toBe(want.sheetName);
  expect(table.title, label).toBe(want.title);
  expect(table.heading, label).toBe('ВПР 2026 Математика 4 класс');
  expect([table.subjectName, table.maxScore, table.date], label).toEqual(['Математика', 10, '10.12.2026']);
  expect(table.header, label).toEqual(want.header);
  expect(table.difficultyRow, label).toEqual(want.difficultyRow);
  expect(table.percentColumns, label).toEqual(want.percentColumns);
  expect(table.truncated, label).toBe(0);
  expect(
    table.rows.map((r) => ({ kind: r.kind, cells: r.cells })),
    label,
  ).toEqual(want.rows);
}

describe('the uploaded rows', () => {
  it('hold every case the reports must count, and the server kept them as typed', async () => {
    const rows = Object.values(country.schools).flatMap((s) => s.results ?? []);
    const present = rows.filter((p) => p.scores);
    expect(rows.some((p) => !p.scores)).toBe(true);
    expect(present.some((p) => p.scores!.includes('X'))).toBe(true);
    expect(present.some((p) => p.journal === 'нет отметки')).toBe(true);
    const marks = new Set(present.map((p) => markOf(country.math.spec, totalOf(p.scores!))));
    expect([...marks].sort()).toEqual([2, 3, 4, 5]);
    // the stored totals and marks are those of our own scoring
    const stored = await h.db
      .selectFrom('results')
      .select(['org_id', 'code', 'total', 'mark'])
      .where('subject_id', '=', country.math.id)
      .execute();
    const ours = Object.values(country.schools).flatMap((s) =>
      (s.results ?? []).map((p) => ({
        org_id: s.id,
        code: p.code,
        total: p.scores ? totalOf(p.scores) : null,
        mark: p.scores ? markOf(country.math.spec, totalOf(p.scores)) : null,
      })),
    );
    const key = (r: { org_id: string; code: string }) => `${r.org_id}/${r.code}`;
    expect([...stored].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      ours.sort((a, b) => key(a).localeCompare(key(b))),
    );
  });
});

interface ViewerCase {
  name: string;
  client: () => Promise<Client>;
  viewer: () => Viewer;
  detail: string | null;
  /** logins that must appear nowhere in what this viewer gets */
  forbidden: () => string[];
}

const others = (keep: (s: SchoolRec) => boolean) => () =>
  Object.values(country.schools)
    .filter((s) => !keep(s))
    .map((s) => s.login);

const VIEWERS: ViewerCase[] = [
  {
    name: 'федеральный уровень, detail=orgs',
    client: () => as(h, country.federal),
    viewer: () => ({ role: 'federal', detail: 'orgs' }),
    detail: 'orgs',
    forbidden: () => [],
  },
  {
    name: 'федеральный уровень по умолчанию (регионы)',
    client: () => as(h, country.federal),
    viewer: () => ({ role: 'federal', detail: 'regions' }),
    detail: null,
    forbidden: () => [],
  },
  {
    name: 'региональный координатор 39, detail=orgs',
    client: () => as(h, country.regionCoordinators['39']!),
    viewer: () => ({ role: 'region', regionCode: '39', detail: 'orgs' }),
    detail: 'orgs',
    forbidden: () => [...others((s) => s.muni.regionCode === '39')(), country.munis.vostok!.coordinator.login],
  },
  {
    name: 'региональный координатор 77 по умолчанию (муниципалитеты)',
    client: () => as(h, country.regionCoordinators['77']!),
    viewer: () => ({ role: 'region', regionCode: '77', detail: 'municipalities' }),
    detail: null,
    forbidden: () => [
      ...others((s) => s.muni.regionCode === '77')(),
      country.munis.altyn!.coordinator.login,
      country.munis.berezino!.coordinator.login,
    ],
  },
  {
    name: 'муниципальный координатор «Город Алтын»',
    client: () => as(h, country.munis.altyn!.coordinator),
    viewer: () => ({ role: 'municipal', muni: country.munis.altyn! }),
    detail: null,
    forbidden: () => [...others((s) => s.muni.key === 'altyn')(), country.munis.berezino!.coordinator.login],
  },
  {
    name: 'школа Гранит',
    client: () => as(h, country.schools.granit!.user),
    viewer: () => ({ role: 'school', school: country.schools.granit! }),
    detail: null,
    forbidden: () => [...others((s) => s.key === 'granit')(), country.munis.altyn!.coordinator.login],
  },
  {
    name: 'школа Астра',
    client: () => as(h, country.schools.astra!.user),
    viewer: () => ({ role: 'school', school: country.schools.astra! }),
    detail: null,
    forbidden: () => [...others((s) => s.key === 'astra')(), country.munis.berezino!.coordinator.login],
  },
];

describe('the six reports, on screen and as XLSX, against our own computation', () => {
  it.each(VIEWERS)('$name', async (v) => {
    const c = await v.client();
    const viewer = v.viewer();
    const forbidden = v.forbidden();
    const seen: string[] = [];
    for (const report of REPORT_NAMES) {
      const label = `${v.name} / ${report}`;
      const want = expectedReport(country, viewer, report);
      const screen = await c.get(`${base()}/analytics/${report}${query(v.detail)}`);
      expect(screen.statusCode, `${label}: ${screen.body}`).toBe(200);
      const table = screen.json() as ReportTable;
      compareScreen(table, want, label);
      expect(table.computedAt).toBe(h.clock.now().toISOString());
      seen.push(screen.body);

      const { wb, title, fileName } = await exportXlsx(h, c, `${base()}/analytics/${report}/export${query(v.detail)}`);
      expect(title).toBe(`Отчёт «${want.title}» готов`);
      expect(fileName).toBe(`${want.title} — МА 4 — 10.12.2026.xlsx`);
      expect(wb.worksheets).toHaveLength(1);
      const ws = wb.worksheets[0]!;
      checkSheet(ws, want, country.math.spec, h.clock.now(), label);
      seen.push(sheetText(ws));
    }
    const text = seen.join('\n');
    for (const login of forbidden) expect(text, `${v.name} must not see ${login}`).not.toContain(login);
    // Русский язык of Астра is never counted in Математика
    expect(text).not.toContain('Русский язык');
  });

  it('counts everyone in the aggregates above a school: the whole sample, its region, its municipality', async () => {
    const granit = country.schools.granit!;
    const c = await as(h, granit.user);
    const marks = (await c.get(`${base()}/analytics/marks`)).json() as ReportTable;
    const all = Object.values(country.schools).filter((s) => s.results);
    const participants = (list: SchoolRec[]) => aggregate(country.math.spec, list).participants;
    const inRegion = all.filter((s) => s.muni.regionCode === '39');
    const inMuni = all.filter((s) => s.muni === granit.muni);
    expect(marks.rows.map((r) => [r.kind, r.cells[1], r.cells[2]])).toEqual([
      ['all', 6, participants(all)],
      ['region', 4, participants(inRegion)],
      ['municipality', 2, participants(inMuni)],
      ['org', 1, participants([granit])],
    ]);
    expect(marks.rows.map((r) => r.cells[0])).toEqual([
      'Вся выборка',
      'Калининградская область',
      `Город Березино(${granit.muni.coordinator.login})`,
      schoolLabel(granit),
    ]);
    const individual = (await c.get(`${base()}/analytics/individual`)).json() as ReportTable;
    const codes = individual.rows.filter((r) => r.kind === 'data').map((r) => r.cells[3]);
    expect(codes).toEqual(granit.results!.map((p) => p.code).sort());
    expect(individual.rows.every((r) => r.kind === 'group' || r.cells[0] === granit.login)).toBe(true);
  });
});

describe('objectivity signals', () => {
  const signalsOf = async (c: Client) => {
    const res = await c.get(`${base()}/analytics/objectivity`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ObjectivityReport;
  };
  const pupils = (n: number) => {
    const d = n % 10;
    const t = n % 100;
    const word = d === 1 && t !== 11 ? 'участник' : d >= 2 && d <= 4 && (t < 12 || t > 14) ? 'участника' : 'участников';
    return `${n} ${word}`;
  };
  const shown = (n: number) => `${n.toFixed(2).replace('.', ',')} %`;

  /** The journal rule over our own counts: at least 10 with both marks, raised ≥ 25 % or lowered ≥ 50 %. */
  function journalFlags(schools: SchoolRec[]) {
    return schools
      .filter((s) => s.results)
      .flatMap((s) => {
        const a = aggregate(country.math.spec, [s]);
        const both = a.lower + a.same + a.higher;
        const raised = pct(a.higher, both);
        const lowered = pct(a.lower, both);
        if (both < 10 || (raised < 25 && lowered < 50)) return [];
        return [
          {
            orgId: s.id,
            label: schoolLabel(s),
            rule: 'journal_mismatch',
            evidence:
              `Обе отметки у ${pupils(both)}: повысили ${a.higher} (${shown(raised)}), подтвердили ${a.same} ` +
              `(${shown(pct(a.same, both))}), понизили ${a.lower} (${shown(lowered)}).`,
            participants: a.participants,
          },
        ];
      })
      .sort((x, y) => x.orgId.localeCompare(y.orgId));
  }
  const journalSignals = (r: ObjectivityReport) =>
    r.signals
      .filter((s) => s.rule === 'journal_mismatch')
      .map(({ orgId, label, rule, evidence, participants }) => ({ orgId, label, rule, evidence, participants }))
      .sort((x, y) => x.orgId.localeCompare(y.orgId));

  it('is closed to a school', async () => {
    const c = await as(h, country.schools.dubrava!.user);
    expect((await c.get(`${base()}/analytics/objectivity`)).statusCode).toBe(403);
  });

  it('shows a coordinator the crafted school with the rule and its numbers, and nothing outside the zone', async () => {
    const s = country.schools;
    const dubrava = s.dubrava!;
    const zone39 = Object.values(s).filter((x) => x.muni.regionCode === '39');
    const reg = await signalsOf(await as(h, country.regionCoordinators['39']!));
    expect(reg.orgsChecked).toBe(4);
    expect(reg.computedAt).toBe(h.clock.now().toISOString());
    expect(reg.signals.every((x) => zone39.some((z) => z.id === x.orgId))).toBe(true);
    const expected = journalFlags(zone39);
    expect(journalSignals(reg)).toEqual(expected);
    const crafted = reg.signals.find((x) => x.orgId === dubrava.id && x.rule === 'journal_mismatch');
    const a = aggregate(country.math.spec, [dubrava]);
    expect(a.higher).toBeGreaterThanOrEqual(10);
    expect(crafted?.evidence).toBe(
      `Обе отметки у ${pupils(12)}: повысили ${a.higher} (${shown(pct(a.higher, 12))}), подтвердили ${a.same} ` +
        `(${shown(pct(a.same, 12))}), понизили 0 (0,00 %).`,
    );
    expect(crafted?.ruleText).toMatch(/не меньше 10.*25 %.*50 %/);

    const mun = await signalsOf(await as(h, country.munis.berezino!.coordinator));
    expect(mun.orgsChecked).toBe(2);
    expect(journalSignals(mun)).toEqual(journalFlags([s.granit!, dubrava]));
    expect(mun.signals.every((x) => x.orgId === dubrava.id || x.orgId === s.granit!.id)).toBe(true);

    const altyn = await signalsOf(await as(h, country.munis.altyn!.coordinator));
    expect(altyn.orgsChecked).toBe(2);
    expect(altyn.signals.some((x) => x.orgId === dubrava.id)).toBe(false);

    const foreign = await signalsOf(await as(h, country.regionCoordinators['77']!));
    expect(foreign.orgsChecked).toBe(2);
    expect(JSON.stringify(foreign)).not.toContain(dubrava.login);
    expect(journalSignals(foreign)).toEqual(journalFlags([s.el!, s.zhasmin!]));

    const fed = await signalsOf(await as(h, country.federal));
    expect(fed.orgsChecked).toBe(6);
    expect(journalSignals(fed)).toEqual(journalFlags(Object.values(s)));
  });
});

// ---------- monitoring ----------

const STATE = {
  uploaded: 'Загружено',
  late: 'Загружено после срока',
  missing: 'Не загружено',
  overdue: 'Срок прошёл, не загружено',
};

function monitoringState(s: SchoolRec, now: Date): keyof typeof STATE {
  if (s.results) return s.late ? 'late' : 'uploaded';
  return now >= deadlineMoment() ? 'overdue' : 'missing';
}

/** The rows of monitoring.xlsx as we expect them: by municipality, then login; blanks as null. */
function expectedMonitoring(schools: SchoolRec[], now: Date, openUntil: Map<string, Date>): XCell[][] {
  return [...schools]
    .sort((a, b) => a.muni.name.localeCompare(b.muni.name, 'ru') || (a.login < b.login ? -1 : 1))
    .map((s) => {
      const a = s.results ? aggregate(country.math.spec, [s]) : null;
      const until = openUntil.get(s.id);
      return trimNulls([
        s.login,
        s.name,
        s.muni.name,
        '10.12.2026',
        STATE[monitoringState(s, now)],
        a ? a.participants : null,
        a ? a.absent : null,
        s.uploadedAt ? moscowText(s.uploadedAt) : null,
        s.uploads,
        until ? moscowText(until) : null,
      ]);
    });
}

function monitoringSummary(schools: SchoolRec[], now: Date): string {
  const states = schools.map((s) => monitoringState(s, now));
  const n = (k: keyof typeof STATE) => states.filter((x) => x === k).length;
  const participants = aggregate(country.math.spec, schools).participants;
  return (
    `Срок: 15.12.2026 23:00 МСК. Ожидается ОО: ${schools.length}, загрузили: ${n('uploaded') + n('late')}, ` +
    `после срока: ${n('late')}, не загрузили: ${n('missing') + n('overdue')}, участников: ${participants}`
  );
}

async function checkMonitoring(c: Client, schools: SchoolRec[], openUntil = new Map<string, Date>()) {
  const now = h.clock.now();
  const json = (await c.get(`${base()}/results/monitoring`)).json() as ResultsMonitoring;
  const a = aggregate(country.math.spec, schools);
  const states = schools.map((s) => monitoringState(s, now));
  expect(json.counts).toEqual({
    expected: schools.length,
    uploaded: states.filter((x) => x === 'uploaded').length,
    late: states.filter((x) => x === 'late').length,
    missing: states.filter((x) => x === 'missing').length,
    overdue: states.filter((x) => x === 'overdue').length,
    participants: a.participants,
    absent: a.absent,
  });
  const res = await c.get(`${base()}/results/monitoring.xlsx`);
  expect(res.statusCode, res.body).toBe(200);
  const wb = await loadBook(res.rawPayload);
  const ws = wb.getWorksheet('Мониторинг')!;
  const cells = (r: number) => trimNulls(monitoringRow(ws, r));
  expect(cells(1)).toEqual(['Загрузка результатов ВПР: Математика, 4 класс']);
  expect(cells(2)).toEqual([monitoringSummary(schools, now)]);
  expect(cells(3)).toEqual([`Сформировано: ${moscowText(now)} МСК`]);
  expect(cells(4)).toEqual([
    'Логин',
    'ОО',
    'Муниципалитет',
    'Дата проведения',
    'Состояние',
    'Участников',
    'Отсутствовало',
    'Загружено (МСК)',
    'Загрузок',
    'Разрешено до (МСК)',
  ]);
  const want = expectedMonitoring(schools, now, openUntil);
  want.forEach((row, i) => expect(cells(5 + i), `monitoring R${5 + i}`).toEqual(row));
  expect(ws.rowCount).toBe(4 + want.length);
}

/** A monitoring row: the export writes '' for a blank, which reads back as an empty string. */
function monitoringRow(ws: ExcelJS.Worksheet, r: number): XCell[] {
  const values = ws.getRow(r).values as unknown[];
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => {
    const v = values[i + 1];
    return v === undefined || v === null || v === '' ? null : (v as XCell);
  });
}

describe('monitoring of uploads', () => {
  it('lists every scheduled school of the zone with its state, in the XLSX as on screen', async () => {
    const s = Object.values(country.schools);
    await checkMonitoring(
      await as(h, country.regionCoordinators['39']!),
      s.filter((x) => x.muni.regionCode === '39'),
    );
    await checkMonitoring(
      await as(h, country.munis.altyn!.coordinator),
      s.filter((x) => x.muni.key === 'altyn'),
    );
    await checkMonitoring(await as(h, country.federal), s);
  });
});

// ---------- analytics follow the uploads ----------

const LEVEL_REPORTS: ReportName[] = ['marks', 'journal', 'scores', 'tasks', 'planned'];
const realDateNow = Date.now.bind(Date);

describe('analytics follow the uploads', () => {
  it('shows a new upload at once in individual results, and in the aggregates once their 30 s cache expires', async () => {
    const fed = await as(h, country.federal);
    const viewer: Viewer = { role: 'federal', detail: 'orgs' };
    const marksUrl = `${base()}/analytics/marks?detail=orgs`;
    const vega = country.schools.vega!;
    // the cache counts its 30 s by Date.now, the reports' moment by the server clock: both are moved together,
    // so this holds whichever of the two the cache follows (the next test pins down which one it should be)
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => realDateNow() + 3600_000);
    try {
      const before = (await fed.get(marksUrl)).json() as ReportTable;
      expect(JSON.stringify(before)).not.toContain(vega.login);

      await uploadXlsx(h, country.math, vega, vega.planned);
      const individual = (await fed.get(`${base()}/analytics/individual`)).json() as ReportTable;
      compareScreen(individual, expectedReport(country, viewer, 'individual'), 'individual after the upload');
      expect(JSON.stringify(individual)).toContain(vega.login);

      // within 30 s the aggregates are the cached ones, and say so by their moment
      const cached = (await fed.get(marksUrl)).json() as ReportTable;
      expect(cached.rows).toEqual(before.rows);
      expect(cached.computedAt).toBe(before.computedAt);

      // 31 s later the cache is gone: every report holds the new school, computed at the new moment
      h.clock.advance(31_000);
      spy.mockImplementation(() => realDateNow() + 3600_000 + 31_000);
      for (const report of LEVEL_REPORTS) {
        const table = (await fed.get(`${base()}/analytics/${report}?detail=orgs`)).json() as ReportTable;
        compareScreen(table, expectedReport(country, viewer, report), `${report} after the upload`);
        expect(table.computedAt).toBe(h.clock.now().toISOString());
      }
      const astra = country.schools.astra!;
      const school = await as(h, astra.user);
      const mine = (await school.get(`${base()}/analytics/marks`)).json() as ReportTable;
      compareScreen(mine, expectedReport(country, { role: 'school', school: astra }, 'marks'), 'a neighbour sees it');
      const { wb } = await exportXlsx(h, fed, `${base()}/analytics/tasks/export?detail=orgs`);
      checkSheet(
        wb.worksheets[0]!,
        expectedReport(country, viewer, 'tasks'),
        country.math.spec,
        h.clock.now(),
        'tasks',
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('expires the cached aggregates by the server clock: 31 s later a new upload is in the report', async () => {
    // AnalyticsService keeps its aggregates in a TtlCache that reads Date.now, while «Рассчитано» comes from the
    // server clock: when the clock has moved on 31 s, the report still serves the numbers cached before the upload
    const fed = await as(h, country.federal);
    const vega = country.schools.vega!;
    await uploadXlsx(h, country.math, vega, vega.planned.slice(0, 4));
    h.clock.advance(31_000);
    const table = (await fed.get(`${base()}/analytics/marks?detail=orgs`)).json() as ReportTable;
    compareScreen(table, expectedReport(country, { role: 'federal', detail: 'orgs' }, 'marks'), 'marks by the clock');
    expect(table.computedAt).toBe(h.clock.now().toISOString());
  });
});

describe('monitoring after the deadline', () => {
  it('shows the late upload with its exception and the school that never uploaded as overdue', async () => {
    const zarya = country.schools.zarya!;
    h.clock.set('2026-12-15T20:00:01Z');
    const mun = await as(h, country.munis.berezino!.coordinator);
    const until = new Date('2026-12-16T20:00:00Z');
    const granted = await mun.post(`${base()}/results/exceptions`, { orgId: zarya.id, openUntil: until.toISOString() });
    expect(granted.statusCode, granted.body).toBe(200);
    await uploadXlsx(h, country.math, zarya, zarya.planned);
    expect(zarya.late).toBe(true);
    const openUntil = new Map([[zarya.id, until]]);
    const s = Object.values(country.schools);
    await checkMonitoring(
      await as(h, country.regionCoordinators['39']!),
      s.filter((x) => x.muni.regionCode === '39'),
      openUntil,
    );
    await checkMonitoring(
      mun,
      s.filter((x) => x.muni.key === 'berezino'),
      openUntil,
    );
  });
});
