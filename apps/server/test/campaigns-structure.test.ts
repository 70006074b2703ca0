import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { Bank, CampaignDetail, Subject } from '@oko/shared';
import { TEST_PASSWORD } from './factories.ts';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { download, upload } from './registration-support.ts';
import {
  createCampaign,
  dataRows,
  detail,
  editBook,
  generateMaterials,
  HISTORY_5,
  issuesOf,
  loadBook,
  MATH_4,
  putRow,
} from './campaigns-support.ts';

let h: Harness;
let fed: Client;
let reg39: Client;
let campaign: CampaignDetail;
let math: Subject;
let orgId: string;

const url = () => `/api/campaigns/${campaign.id}/structure`;
const file = () => download(fed, `${url()}.xlsx`);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
/** The worksheet row of a task on «Задания»: earlier tests add and remove rows above it. */
const taskRow = (wb: ExcelJS.Workbook, code: string, number: string) =>
  2 + dataRows(wb, 'Задания', 3).findIndex((r) => r[0] === code && r[2] === number);

beforeAll(async () => {
  h = await startHarness();
  fed = await signedIn(h.app, (await h.factory.federal()).login, TEST_PASSWORD);
  reg39 = await signedIn(h.app, (await h.factory.regionCoordinator('39')).login, TEST_PASSWORD);
  orgId = (await h.factory.org({ regionCode: '39' })).id;
  const made = await createCampaign(fed, 'vpr-structure', [MATH_4]);
  campaign = made.campaign;
  math = made.subjects[0]!;
});
afterAll(() => h.close());

describe('campaign structure workbook', () => {
  it('downloads an instruction, the subjects and their tasks', async () => {
    const wb = await loadBook(await file());
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Инструкция', 'Предметы', 'Задания']);
    const subjects = dataRows(wb, 'Предметы', 9);
    expect(subjects.map((r) => r.map(iso))).toEqual([['МА', 'Математика', 4, 'открытая', 2, 6, 10, 15, '2027-05-25']]);
    const header = wb.getWorksheet('Задания')!.getRow(1);
    expect(header.getCell(7).value).toBe('Зависит от (критерий)');
    expect(JSON.stringify(header.getCell(7).note)).toContain(
      'при 0 или X по которому этот критерий тоже оценивается 0 или X',
    );
    const tasks = dataRows(wb, 'Задания', 7);
    expect(tasks).toHaveLength(12);
    expect(tasks[8]).toEqual(['МА', 4, '9.1', 1, 'Б', 'Умение 9', null]);
    expect(tasks[11]).toEqual(['МА', 4, '11', 1, 'П', 'Умение 12', null]);
  });

  it('adds a new subject and rewrites an existing one from the edited file', async () => {
    const edited = await editBook(await file(), (wb) => {
      const subjects = wb.getWorksheet('Предметы')!;
      subjects.getCell('H2').value = 16; // МА: «5» from 16
      putRow(subjects, 3, ['ИС', 'История', 5, 'шифрованная', 4, 4, 8, 12, '25.05.2027']);
      const tasks = wb.getWorksheet('Задания')!;
      tasks.getCell('F13').value = 'Логическое рассуждение';
      HISTORY_5.tasks.forEach((t, i) =>
        putRow(tasks, 14 + i, ['ИС', 5, t.number.replace('К', 'K'), t.maxScore, t.difficulty, t.plannedResult ?? '']),
      );
    });
    const res = await upload(fed, url(), edited);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ subjects: 2, tasks: 17, added: 1, updated: 1 });

    const d = await detail(fed, campaign.id);
    const history = d.subjects.find((s) => s.code === 'ИС')!;
    expect(history).toMatchObject({
      grade: 5,
      group: 'encrypted',
      variants: 4,
      maxScore: 13,
      resultsDeadline: '2027-05-25',
    });
    expect(history.tasks.map((t) => t.header)).toEqual(['1 (2б)', '2 (3б)', '3 (3б)', '4К1 (2б)', '4К2 (3б)']);
    const m = d.subjects.find((s) => s.code === 'МА')!;
    expect(m.scale5).toBe(16);
    expect(m.tasks[11]).toMatchObject({ number: '11', plannedResult: 'Логическое рассуждение' });

    const again = await upload(fed, url(), await file());
    expect(again.json()).toEqual({ subjects: 0, tasks: 0, added: 0, updated: 0 });
  });

  it('takes the criterion a task depends on, with a Latin K, and gives it back in the file', async () => {
    // rows 14–18 are История 5: 1, 2, 3, 4К1, 4К2
    const edited = await editBook(await file(), (wb) => {
      wb.getWorksheet('Задания')!.getCell('G18').value = '4K1';
    });
    const res = await upload(fed, url(), edited);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ subjects: 1, tasks: 5, added: 0, updated: 1 });
    const history = (await detail(fed, campaign.id)).subjects.find((s) => s.code === 'ИС')!;
    expect(history.tasks.map((t) => t.dependsOn)).toEqual([null, null, null, null, '4К1']);
    const tasks = dataRows(await loadBook(await file()), 'Задания', 7);
    expect(tasks[16]).toEqual(['ИС', 5, '4К2', 3, 'В', null, '4К1']);
    const again = await upload(fed, url(), await file());
    expect(again.json()).toEqual({ subjects: 0, tasks: 0, added: 0, updated: 0 });
  });

  it('refuses a dependency on a missing task, on itself or on a later one, naming each cell', async () => {
    const before = await detail(fed, campaign.id);
    const edited = await editBook(await file(), (wb) => {
      const tasks = wb.getWorksheet('Задания')!;
      tasks.getCell('G15').value = '9'; // ИС has no task 9
      tasks.getCell('G16').value = '3'; // task 3 on itself
      tasks.getCell('G17').value = '4К2'; // 4К1 on 4К2, which already depends on 4К1
    });
    expect(issuesOf(await upload(fed, url(), edited))).toEqual([
      { sheet: 'Задания', cell: 'G15', message: 'Задание 2 зависит от «9», но такого задания у предмета нет' },
      { sheet: 'Задания', cell: 'G16', message: 'Задание 3 не может зависеть от самого себя' },
      {
        sheet: 'Задания',
        cell: 'G17',
        message:
          'Задание 4К1 зависит от «4К2», которое идёт в работе позже: критерий, от которого зависят, должен стоять раньше зависимых',
      },
    ]);
    expect(await detail(fed, campaign.id)).toEqual(before);
  });

  it('refuses a bad scale, a repeated task and an unknown subject, naming each cell and changing nothing', async () => {
    const before = await detail(fed, campaign.id);
    const edited = await editBook(await file(), (wb) => {
      wb.getWorksheet('Предметы')!.getCell('G2').value = 3; // «4» below «3» (6)
      const tasks = wb.getWorksheet('Задания')!;
      tasks.getCell('C3').value = '1'; // МА task 2 renumbered as 1
      tasks.getCell('F2').value = 'Новая формулировка';
      putRow(tasks, 19, ['ХИ', 8, '1', 2, 'Б', '']);
    });
    const issues = issuesOf(await upload(fed, url(), edited));
    expect(issues).toContainEqual({
      sheet: 'Предметы',
      cell: 'G2',
      message: 'Шкала: балл на «4» (3) меньше балла на «3» (6)',
    });
    expect(issues).toContainEqual({
      sheet: 'Задания',
      cell: 'C3',
      message: 'Номер задания «1» повторяется (задания 1 и 2)',
    });
    expect(issues).toContainEqual({
      sheet: 'Задания',
      cell: 'A19',
      message: 'Предмета ХИ, 8 класс нет на листе «Предметы»: добавьте его туда',
    });
    expect(await detail(fed, campaign.id)).toEqual(before);
  });

  it('refuses a cell of the wrong type through the forms engine', async () => {
    const before = await detail(fed, campaign.id);
    const edited = await editBook(await file(), (wb) => {
      wb.getWorksheet('Предметы')!.getCell('E3').value = 'четыре';
      wb.getWorksheet('Задания')!.getCell('E2').value = 'Ж';
    });
    const res = await upload(fed, url(), edited);
    const issues = issuesOf(res);
    expect(issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Предметы!E3', 'Задания!E2']);
    expect(issues[0]!.message).toContain('целым числом');
    expect(res.json().error.message).toContain('Предметы');
    expect(await detail(fed, campaign.id)).toEqual(before);
  });

  it('keeps the bank items of a task that moves to another position', async () => {
    const positions = (await detail(fed, campaign.id)).subjects.find((s) => s.code === 'МА')!.tasks;
    const pos = (n: string) => positions.find((t) => t.number === n)!.position;
    await h.db
      .insertInto('bank_items')
      .values([
        { subject_id: math.id, position: pos('11'), item_no: 1, text: 'Задача про поезд', answer: '42', criteria: '' },
        { subject_id: math.id, position: pos('10'), item_no: 1, text: 'Уйдёт с заданием', answer: '', criteria: '' },
      ])
      .execute();
    // task «10» is removed: «11» moves from position 12 to 11
    const edited = await editBook(await file(), (wb) => {
      const tasks = wb.getWorksheet('Задания')!;
      tasks.spliceRows(12, 1);
    });
    const res = await upload(fed, url(), edited);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ subjects: 1, tasks: 11, updated: 1 });
    const bank = (await fed.get(`/api/campaigns/${campaign.id}/subjects/${math.id}/bank`)).json() as Bank;
    expect(bank.positions.map((p) => p.number)).not.toContain('10');
    const eleven = bank.positions.find((p) => p.number === '11')!;
    expect(eleven.position).toBe(11);
    expect(eleven.items).toEqual([
      { itemNo: 1, text: 'Задача про поезд', answer: '42', criteria: '', hasImage: false },
    ]);
    expect(bank.positions.flatMap((p) => p.items)).toHaveLength(1);
  });

  it('refuses a results deadline earlier than a scheduled test date', async () => {
    const history = (await detail(fed, campaign.id)).subjects.find((s) => s.code === 'ИС')!;
    const put = await fed.request({
      method: 'PUT',
      url: `/api/campaigns/${campaign.id}/schedule`,
      payload: { subjectId: history.id, orgIds: [orgId], testDate: '2027-04-20' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const edited = await editBook(await file(), (wb) => {
      wb.getWorksheet('Предметы')!.getCell('I3').value = '10.04.2027';
    });
    expect(issuesOf(await upload(fed, url(), edited))).toEqual([
      {
        sheet: 'Предметы',
        cell: 'I3',
        message: 'Срок загрузки результатов 2027-04-10 раньше назначенной в плане-графике даты проведения 2027-04-20',
      },
    ]);
  });

  it('freezes the name, group, variants and tasks of a subject with materials, but lets its scale move', async () => {
    await generateMaterials(h, math.id, orgId);
    const before = await detail(fed, campaign.id);
    const edited = await editBook(await file(), (wb) => {
      wb.getWorksheet('Предметы')!.getCell('E2').value = 3;
      wb.getWorksheet('Задания')!.getCell('D3').value = 3; // МА task 2: 2 → 3 points
    });
    const issues = issuesOf(await upload(fed, url(), edited));
    expect(issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Предметы!E2', 'Задания!C3']);
    expect(issues[0]!.message).toBe(
      'Нельзя изменить «Вариантов»: по предмету МА, 4 класс уже сформированы материалы (ОО: 1)',
    );
    expect(issues[1]!.message).toContain('Нельзя изменить задания: по предмету МА, 4 класс уже сформированы материалы');
    expect(await detail(fed, campaign.id)).toEqual(before);

    const scaleOnly = await editBook(await file(), (wb) => {
      wb.getWorksheet('Предметы')!.getCell('F2').value = 5;
    });
    const res = await upload(fed, url(), scaleOnly);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ subjects: 1, tasks: 11, added: 0, updated: 1 });
    expect((await detail(fed, campaign.id)).subjects.find((s) => s.code === 'МА')!.scale3).toBe(5);
  });

  it('fixes the tasks, criteria and scale of a subject once results are uploaded, but not its deadline', async () => {
    const history = (await detail(fed, campaign.id)).subjects.find((s) => s.code === 'ИС')!;
    const zeros = new Array<number>(history.tasks.length).fill(0);
    await h.db
      .insertInto('results_summary')
      .values({
        subject_id: history.id,
        org_id: orgId,
        participants: 1,
        absent: 0,
        m2: 0,
        m3: 1,
        m4: 0,
        m5: 0,
        j_lower: 0,
        j_same: 1,
        j_higher: 0,
        histogram: new Array<number>(history.maxScore + 1).fill(0).map((_, i) => (i === 5 ? 1 : 0)),
        task_points: zeros.map((_, i) => (i === 0 ? 5 : 0)),
        task_points_m2: zeros,
        task_points_m3: zeros.map((_, i) => (i === 0 ? 5 : 0)),
        task_points_m4: zeros,
        task_points_m5: zeros,
        upload_number: 1,
        first_uploaded_at: new Date('2027-04-20T12:00:00Z'),
        uploaded_at: new Date('2027-04-20T12:00:00Z'),
        late: false,
      })
      .execute();
    const before = await detail(fed, campaign.id);
    const why =
      'По предмету «История», 5 класс уже загружены результаты (ОО: 1): задания и шкалу перевода менять нельзя';

    const rows = await loadBook(await file()).then((wb) => ({
      second: taskRow(wb, 'ИС', '2'),
      criterion: taskRow(wb, 'ИС', '4К2'),
    }));
    const changed = await editBook(await file(), (wb) => {
      wb.getWorksheet('Предметы')!.getCell('F3').value = 5; // «3» from 5
      wb.getWorksheet('Задания')!.getCell(`D${rows.second}`).value = 2; // task 2: 3 → 2 points
    });
    const issues = issuesOf(await upload(fed, url(), changed));
    expect(issues.map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Предметы!F3', `Задания!C${rows.second}`]);
    expect(issues[0]!.message).toBe(why);
    expect(issues[1]!.message).toBe(`${why}. В кампании задание 2 — «2» (3б)`);
    expect(await detail(fed, campaign.id)).toEqual(before);

    const criterionOnly = await editBook(await file(), (wb) => {
      wb.getWorksheet('Задания')!.getCell(`G${rows.criterion}`).value = null; // 4К2 no longer depends on 4К1
    });
    expect(issuesOf(await upload(fed, url(), criterionOnly))).toEqual([
      { sheet: 'Задания', cell: `C${rows.criterion}`, message: `${why}. В кампании задание 5 — «4К2» (3б)` },
    ]);
    expect(await detail(fed, campaign.id)).toEqual(before);

    const deadlineOnly = await editBook(await file(), (wb) => {
      wb.getWorksheet('Предметы')!.getCell('I3').value = '26.05.2027';
    });
    const res = await upload(fed, url(), deadlineOnly);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ subjects: 1, tasks: 5, added: 0, updated: 1 });
    const after = (await detail(fed, campaign.id)).subjects.find((s) => s.code === 'ИС')!;
    expect(after).toEqual({ ...before.subjects.find((s) => s.code === 'ИС')!, resultsDeadline: '2027-05-26' });
  });

  it('is for the federal level only and refuses a file that is not a workbook', async () => {
    expect((await reg39.get(`${url()}.xlsx`)).statusCode).toBe(403);
    expect((await upload(reg39, url(), await file())).statusCode).toBe(403);
    const junk = await upload(fed, url(), Buffer.from('Код предмета;Предмет\nМА;Математика\n'));
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.message).toMatch(/XLSX|Excel|файл/i);
    const missing = await fed.get('/api/campaigns/00000000-0000-4000-8000-0000000000aa/structure.xlsx');
    expect(missing.statusCode).toBe(404);
  });
});
