import { describe, expect, it } from 'vitest';
import { ReportTable } from '../analytics.ts';
import { buildLevelReport } from './index.ts';
import { isPercentOf, levelRows, makeOrgs, META, orgsOf, pupilsOf, SUBJECT, wrote } from './reports.fixture.ts';

const orgs = makeOrgs();
const levels = levelRows(orgs);

describe('Статистика по отметкам', () => {
  const table = buildLevelReport('marks', SUBJECT, levels, META);

  it('has the frame of the export', () => {
    expect(table.title).toBe('Статистика по отметкам');
    expect(table.sheetName).toBe('РУ 4 Статистика по отметкам');
    expect(table.heading).toBe('ВПР 2026 Русский язык 4 класс');
    expect(table.subjectName).toBe('Русский язык');
    expect(table.maxScore).toBe(14);
    expect(table.date).toBe('20.04.2026');
    expect(table.computedAt).toBe('2026-04-20T09:30:00.000Z');
    expect(table.header).toEqual(['Группы участников', 'Кол-во ОО', 'Кол-во участников', '2', '3', '4', '5']);
    expect(table.difficultyRow).toBeNull();
    expect(table.percentColumns).toEqual([3, 4, 5, 6]);
    expect(table.truncated).toBe(0);
  });

  it('gives every level the share of each mark among the pupils who wrote, counted from the raw results', () => {
    expect(table.rows).toHaveLength(12);
    table.rows.forEach((row, i) => {
      const level = levels[i]!;
      const pupils = wrote(pupilsOf(orgs, level));
      expect(row.kind).toBe(level.kind);
      expect(row.cells.slice(0, 3)).toEqual([level.label, orgsOf(orgs, level).length, pupils.length]);
      [2, 3, 4, 5].forEach((m, k) => {
        const n = pupils.filter((p) => p.mark === m).length;
        expect(isPercentOf(row.cells[3 + k], n, pupils.length), `${level.label} «${m}»: ${row.cells[3 + k]}`).toBe(
          true,
        );
      });
    });
    expect(table.rows.map((r) => r.cells[0])).toEqual([
      'Вся выборка',
      'Калининградская область',
      'Калининград(reg39_m001)',
      'Школа № 1(sch000001)',
      'Школа № 2(sch000002)',
      'Балтийск(reg39_m002)',
      'Школа № 3(sch000003)',
      'Школа № 4(sch000004)',
      'Псковская область',
      'Псков(reg60_m001)',
      'Школа № 5(sch000005)',
      'Школа № 6(sch000006)',
    ]);
  });

  it('charts one stacked bar per level along the first path down, not every ОО', () => {
    const chart = table.chart!;
    expect(chart.kind).toBe('stacked');
    expect(chart.unit).toBe('%');
    expect(chart.categories).toEqual([
      'Вся выборка',
      'Калининградская область',
      'Калининград(reg39_m001)',
      'Школа № 1(sch000001)',
    ]);
    expect(chart.series.map((s) => s.name)).toEqual(['Отметка «2»', 'Отметка «3»', 'Отметка «4»', 'Отметка «5»']);
    const path = [levels[0]!, levels[1]!, levels[2]!, levels[3]!];
    chart.series.forEach((s, k) =>
      s.values.forEach((v, c) => {
        const pupils = wrote(pupilsOf(orgs, path[c]!));
        expect(isPercentOf(v, pupils.filter((p) => p.mark === k + 2).length, pupils.length)).toBe(true);
      }),
    );
  });

  it('keeps every row unless the screen asks for fewer, and says how many were left out', () => {
    const cut = buildLevelReport('marks', SUBJECT, levels, { ...META, screenRowLimit: 5 });
    expect(cut.rows).toEqual(table.rows.slice(0, 5));
    expect(cut.truncated).toBe(7);
    expect(buildLevelReport('marks', SUBJECT, levels, { ...META, screenRowLimit: 50 }).truncated).toBe(0);
  });

  it('prints 0 % for a level with nobody who wrote', () => {
    const empty = buildLevelReport(
      'marks',
      SUBJECT,
      [{ ...levels[0]!, agg: { ...levels[0]!.agg, participants: 0, marks: [0, 0, 0, 0] } }],
      META,
    );
    expect(empty.rows[0]!.cells.slice(3)).toEqual([0, 0, 0, 0]);
  });
});

describe('buildLevelReport', () => {
  it('gives every report in the shape of the API contract, percentage columns within the header', () => {
    for (const kind of ['marks', 'journal', 'scores', 'tasks', 'planned'] as const) {
      const table = ReportTable.parse(buildLevelReport(kind, SUBJECT, levels, META));
      expect(table.kind).toBe(kind);
      expect(table.percentColumns.every((c) => c < table.header.length)).toBe(true);
      expect(table.rows.every((r) => r.cells.length === table.header.length)).toBe(true);
      if (table.difficultyRow) expect(table.difficultyRow).toHaveLength(table.header.length);
    }
  });
});
