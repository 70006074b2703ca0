import { describe, expect, it } from 'vitest';
import { applyPrefill, computeForm, FormTemplate, validateForm, type OrgAttributes } from '@oko/shared';
import { sampleQuestionnaireData, sampleSpoData } from '../../demo/seed-collections.ts';
import { OO_QUESTIONNAIRE_TEMPLATE } from './oo-questionnaire.ts';
import { SPO_PARTICIPANTS_TEMPLATE } from './spo-participants.ts';

const org: OrgAttributes = {
  login: 'sch390001',
  orgCode: '390001',
  fullName: 'МАОУ СОШ № 7 города Калининграда',
  shortName: 'МАОУ СОШ № 7',
  regionCode: '39',
  regionName: 'Калининградская область',
  municipalityName: 'Городской округ "Город Калининград"',
};

const prepared = (t: FormTemplate, data: Parameters<typeof applyPrefill>[1]) =>
  computeForm(t, applyPrefill(t, data, org));

describe('the demo templates', () => {
  it('satisfy the FormTemplate schema (the server validates them the same way on load)', () => {
    expect(FormTemplate.parse(OO_QUESTIONNAIRE_TEMPLATE)).toEqual(OO_QUESTIONNAIRE_TEMPLATE);
    expect(FormTemplate.parse(SPO_PARTICIPANTS_TEMPLATE)).toEqual(SPO_PARTICIPANTS_TEMPLATE);
  });

  it('accept the demo data', () => {
    for (const seed of [1, 2, 3, 6]) {
      expect(
        validateForm(OO_QUESTIONNAIRE_TEMPLATE, prepared(OO_QUESTIONNAIRE_TEMPLATE, sampleQuestionnaireData(seed))),
      ).toEqual([]);
    }
    expect(validateForm(SPO_PARTICIPANTS_TEMPLATE, prepared(SPO_PARTICIPANTS_TEMPLATE, sampleSpoData()))).toEqual([]);
  });

  it('fill the read-only columns from the ОО and the sum of teachers', () => {
    const data = prepared(OO_QUESTIONNAIRE_TEMPLATE, sampleQuestionnaireData(1));
    expect(data.general![0]).toMatchObject({ login: 'sch390001', name: 'МАОУ СОШ № 7', teachersTotal: 34 });
  });

  it('catch the cross-column mistakes a school makes', () => {
    const data = sampleQuestionnaireData(1);
    data.grades![0] = { _row: 'g4', classes: 2, students: 0, disabled: null };
    data.grades![1] = { _row: 'g5', classes: 1, students: 20, disabled: 21 };
    data.teachers!.push({ subject: 'Химия', experience: 1, category: 'Высшая' });
    const messages = validateForm(OO_QUESTIONNAIRE_TEMPLATE, prepared(OO_QUESTIONNAIRE_TEMPLATE, data)).map(
      (i) => `${i.sheet}!${i.cell}: ${i.message}`,
    );
    expect(messages).toEqual([
      expect.stringMatching(/^Параллели!C2: Есть классы/),
      expect.stringMatching(/^Параллели!D3: .*ОВЗ/),
      expect.stringMatching(/^Учителя!B6: Высшая категория/),
    ]);
  });

  it('refuse more participants than first-year students after the 9th grade', () => {
    const data = sampleSpoData();
    data.groups![0]!.participants = 45;
    const issues = validateForm(SPO_PARTICIPANTS_TEMPLATE, prepared(SPO_PARTICIPANTS_TEMPLATE, data));
    expect(issues.map((i) => [i.cell, i.message])).toEqual([
      ['E2', 'Участников не может быть больше, чем обучающихся на базе 9 классов'],
    ]);
  });
});
