import { checkTemplate, FormTemplate } from '@oko/shared';
import { describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE, sampleResultsData, sampleResultsTemplate } from './sample-template.ts';

describe('sample templates', () => {
  it('are valid templates the engine can use', () => {
    for (const t of [SAMPLE_TEMPLATE, sampleResultsTemplate(1500)]) {
      expect(FormTemplate.parse(t)).toEqual(t);
      expect(checkTemplate(t)).toEqual([]);
    }
  });

  it('cover every column kind and both row modes', () => {
    const kinds = new Set(SAMPLE_TEMPLATE.sheets.flatMap((s) => s.columns.map((c) => c.kind)));
    expect([...kinds].sort()).toEqual(['computed', 'date', 'decimal', 'integer', 'list', 'prefill', 'text']);
    expect(SAMPLE_TEMPLATE.sheets.map((s) => s.rows.mode)).toEqual(['fixed', 'free']);
  });

  it('fill the results form with totals that count X as 0', () => {
    const t = sampleResultsTemplate(10);
    const rows = sampleResultsData(t, 10).protocol!;
    expect(rows).toHaveLength(10);
    const first = rows[0]!;
    const sum = Array.from({ length: 25 }, (_, i) => first[`t${i + 1}`]).reduce<number>(
      (acc, v) => acc + (v === 'X' ? 0 : Number(v)),
      0,
    );
    expect(first.total).toBe(sum);
  });
});
