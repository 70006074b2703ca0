import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Role } from '@oko/shared';
import type { Section } from '../db/schema.ts';
import { FONTS } from '../files/fonts.ts';
import { contentTypeOf } from '../publications/file-names.ts';
import type { StoredBlob } from '../storage/blob-storage.ts';
import { BlobsRepository } from '../storage/blobs.repository.ts';
import type { DemoContext } from './seed-platform.ts';

const DAY = 24 * 60 * 60 * 1000;
const FIOCO = 'https://fioco.ru/ru/osoko/vpr/';
const OBRNADZOR = 'https://obrnadzor.gov.ru/';

const SCHOOLS_AND_COORDINATORS: Role[] = ['school', 'region_coordinator', 'municipal_coordinator'];
const COLLEGES_AND_COORDINATORS: Role[] = ['college', 'spo_region_coordinator'];

interface DemoFile {
  name: string;
  bytes: Buffer;
  orgId?: string;
  onlyForOrgs?: boolean;
  /** wall-clock time in each ОО's zone, 'YYYY-MM-DD HH:MM:SS' */
  availableLocal?: string;
}

interface DemoPublication {
  section: Section;
  title: string;
  /** the body may link the publication's files by name: {{file:<name>}} becomes file:<id> */
  body: string;
  roles: Role[];
  ownerRegionCode?: string;
  daysAgo: number;
  storages: { title: string; files: DemoFile[] }[];
}

/** A small PDF with a heading and paragraphs, in DejaVu so Cyrillic renders. */
function pdf(title: string, paragraphs: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: 'ОКО (демо)' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.font(FONTS.bold).fontSize(15).text(title, { align: 'center' }).moveDown();
    doc.font(FONTS.regular).fontSize(11);
    for (const p of paragraphs) doc.text(p, { align: 'justify' }).moveDown(0.6);
    doc.end();
  });
}

async function xlsx(sheet: string, header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ОКО (демо)';
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 22));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Participant codes as in DOMAIN.md: the first digit is the grade, numbering restarts in every school.
 * A table to print and cut into slips; ФИО are written on the paper protocol, never here.
 */
function codesXlsx(): Promise<Buffer> {
  const rows = [4, 5, 6, 7].flatMap((grade) =>
    Array.from({ length: 12 }, (_, i) => [grade, `${grade}${String(i + 1).padStart(4, '0')}`, '']),
  );
  return xlsx('Коды участников', ['Класс', 'Код участника', 'ФИО (заполняется в бумажном протоколе)'], rows);
}

const ymd = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The demo country's publications: one per section with storages of generated documents, individual
 * files for every demo school, a file only for ОО, a file that opens tomorrow at 09:00 local time,
 * and the publications other parts of the demo attach their data collections to by title.
 */
export async function seedDemoPublications(ctx: DemoContext): Promise<void> {
  const { db, clock } = ctx;
  const now = clock.now();
  const tomorrow9 = `${ymd(new Date(now.getTime() + DAY))} 09:00:00`;
  const admin = await db.selectFrom('users').select('id').where('role', '=', 'federal_admin').executeTakeFirst();
  const schools = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select(['u.login', 'o.id'])
    .where('u.role', '=', 'school')
    .orderBy('u.login')
    .execute();

  const procedure = await pdf('Порядок проведения всероссийских проверочных работ в 2026 году', [
    'ВПР проводятся в 4–8, 10 и 11 классах в соответствии с планом-графиком. Образовательная организация ' +
      'выбирает дату проведения в пределах периода, установленного для каждого учебного предмета.',
    'Архивы с материалами для 4 класса и для русского языка и математики в 5 классе не зашифрованы и ' +
      'доступны не позднее чем за 4 дня до проведения работы. Для остальных работ архив зашифрован; ' +
      'пароль (шифр) становится доступен в 7:30 по местному времени в день проведения.',
    'Критерии оценивания размещаются после 14:00 по московскому времени в день проведения работы. ' +
      'Результаты загружаются до 23:00 по московскому времени в срок, установленный планом-графиком.',
    'Участникам выдаются коды; ФИО участников в систему не передаются.',
  ]);
  const schedule = await xlsx(
    'План-график',
    ['Класс', 'Предмет', 'Период проведения', 'Загрузка результатов до'],
    [
      [4, 'Русский язык (ч. 1, ч. 2)', '11.03.2026 – 25.04.2026', '29.04.2026'],
      [4, 'Математика', '11.03.2026 – 25.04.2026', '29.04.2026'],
      [4, 'Окружающий мир', '11.03.2026 – 25.04.2026', '29.04.2026'],
      [5, 'История', '11.03.2026 – 25.04.2026', '30.04.2026'],
      [5, 'Биология', '11.03.2026 – 25.04.2026', '30.04.2026'],
      [6, 'Математика', '11.03.2026 – 25.04.2026', '30.04.2026'],
    ],
  );
  const instruction = (title: string, steps: string[]) => pdf(title, steps);

  // the codes differ from school to school only in who gets them: one table serves the demo
  const codes = await codesXlsx();
  const individual: DemoFile[] = schools.map((s) => ({
    name: `${s.login}_коды участников.xlsx`,
    bytes: codes,
    orgId: s.id,
  }));

  const publications: DemoPublication[] = [
    {
      section: 'vpr',
      title: 'Всероссийские проверочные работы 2026: порядок проведения',
      roles: SCHOOLS_AND_COORDINATORS,
      daysAgo: 6,
      body: [
        'Уважаемые коллеги!',
        'В личном кабинете размещены документы о проведении **всероссийских проверочных работ** в 2026 году. ' +
          'Ознакомьтесь с [порядком проведения]({{file:Порядок проведения ВПР 2026.pdf}}) и ' +
          '[планом-графиком]({{file:План-график ВПР 2026.xlsx}}).',
        `Общие сведения о ВПР опубликованы на сайте [ФИОКО](${FIOCO}) и [Рособрнадзора](${OBRNADZOR}).`,
        'Коды участников для каждой школы размещены в хранилище «Коды участников»: каждая школа видит только свой файл. ' +
          '**Пароль к архиву** доступен только образовательным организациям.',
      ].join('\n\n'),
      storages: [
        {
          title: 'Нормативные документы',
          files: [
            { name: 'Порядок проведения ВПР 2026.pdf', bytes: procedure },
            { name: 'План-график ВПР 2026.xlsx', bytes: schedule },
          ],
        },
        { title: 'Коды участников', files: individual },
        {
          title: 'Материалы для проведения',
          files: [
            {
              name: 'Пароль к архиву (История, 5 класс).txt',
              bytes: Buffer.from('Пароль к архиву с вариантами: Vpr-2026-Ist5\r\n'),
              onlyForOrgs: true,
            },
            {
              name: 'Критерии оценивания (История, 5 класс).pdf',
              bytes: await pdf('Критерии оценивания. История, 5 класс', [
                'Задание 1 — 2 балла: верно указаны оба элемента ответа.',
                'Задание 2 — 1 балл: верно установлено соответствие.',
                'Максимальный первичный балл — 15.',
              ]),
              availableLocal: tomorrow9,
            },
          ],
        },
      ],
    },
    {
      section: 'vpr_spo',
      title: 'ВПР СПО 2026: порядок проведения',
      roles: COLLEGES_AND_COORDINATORS,
      daysAgo: 4,
      body: [
        'Уважаемые коллеги!',
        'Всероссийские проверочные работы для обучающихся по программам среднего профессионального образования ' +
          'проводятся по общеобразовательным предметам для первого курса и для выпускников.',
        'Порядок действий образовательной организации описан в [инструкции]({{file:Инструкция для ОО СПО.pdf}}).',
      ].join('\n\n'),
      storages: [
        {
          title: 'Документы',
          files: [
            {
              name: 'Инструкция для ОО СПО.pdf',
              bytes: await instruction('Инструкция для образовательной организации СПО', [
                '1. Проверьте сведения об образовательной организации в личном кабинете.',
                '2. Заполните форму сбора сведений об участниках до установленного срока.',
                '3. Скачайте материалы в день проведения и проведите работу в соответствии с порядком.',
              ]),
            },
          ],
        },
      ],
    },
    {
      section: 'interview',
      title: 'Итоговое собеседование по русскому языку в 2026 году',
      roles: SCHOOLS_AND_COORDINATORS,
      daysAgo: 3,
      body: [
        'Итоговое собеседование по русскому языку проводится для обучающихся 9 классов. Максимум — 20 баллов, ' +
          '**«зачёт»** выставляется при 10 баллах и более.',
        'Форма для внесения результатов: [специализированная форма]({{file:Форма результатов собеседования.xlsx}}).',
      ].join('\n\n'),
      storages: [
        {
          title: 'Материалы',
          files: [
            {
              name: 'Форма результатов собеседования.xlsx',
              bytes: await xlsx(
                'Участники',
                ['Код ОО', 'Аудитория', 'Номер варианта', 'Баллы', 'Зачёт/незачёт', 'ФИО эксперта'],
                [],
              ),
            },
            {
              name: 'Рекомендации экзаменатору-собеседнику.pdf',
              bytes: await instruction('Рекомендации экзаменатору-собеседнику', [
                'Экзаменатор-собеседник проводит собеседование, следит за соблюдением времени и ведёт аудиозапись.',
                'Эксперт оценивает ответ участника по критериям непосредственно в ходе собеседования.',
              ]),
            },
          ],
        },
      ],
    },
    {
      section: 'vpr',
      title: 'Анкета ОО (контекстные данные)',
      roles: SCHOOLS_AND_COORDINATORS,
      daysAgo: 3,
      body: [
        'Уважаемые коллеги!',
        'Просим заполнить анкету образовательной организации: сведения об организации, классах и педагогах ' +
          'используются при анализе результатов ВПР. Анкету можно заполнить онлайн или загрузить файлом XLSX.',
        'Порядок заполнения — в [инструкции]({{file:Инструкция по заполнению анкеты.pdf}}).',
      ].join('\n\n'),
      storages: [
        {
          title: 'Инструкция',
          files: [
            {
              name: 'Инструкция по заполнению анкеты.pdf',
              bytes: await instruction('Инструкция по заполнению анкеты ОО', [
                'Нажмите «Заполнить» в блоке «Сбор данных». Таблица сохраняется автоматически.',
                'Подсказка к листу и к столбцу появляется при наведении на значок рядом с названием.',
                'Когда все листы заполнены, нажмите «Сдать отчет».',
              ]),
            },
          ],
        },
      ],
    },
    {
      section: 'vpr',
      title: 'Заявка на участие в ВПР',
      roles: SCHOOLS_AND_COORDINATORS,
      daysAgo: 5,
      body: [
        'Образовательным организациям необходимо указать классы и учебные предметы, по которым проводятся ВПР, ' +
          'и число участников. Региональный координатор подтверждает сводную заявку региона.',
        '**Срок подачи заявки** указан в блоке «Сбор данных».',
      ].join('\n\n'),
      storages: [],
    },
    {
      section: 'vpr_spo',
      title: 'Сбор сведений об участниках ВПР СПО',
      roles: COLLEGES_AND_COORDINATORS,
      daysAgo: 1,
      body: [
        'Уважаемые коллеги!',
        'Вам необходимо заполнить форму сбора данных об участниках ВПР СПО, обучающихся на 1 курсе ' +
          '(поступивших на 1 курс), в соответствии с [инструкцией]({{file:Инструкция по сбору сведений.pdf}}).',
      ].join('\n\n'),
      storages: [
        {
          title: 'Инструкция',
          files: [
            {
              name: 'Инструкция по сбору сведений.pdf',
              bytes: await instruction('Сбор сведений об участниках ВПР СПО', [
                'Укажите число групп и обучающихся по каждой укрупнённой группе специальностей.',
                'Данные сохраняются автоматически; для передачи нажмите «Сдать отчет».',
              ]),
            },
          ],
        },
      ],
    },
    {
      section: 'vpr',
      title: 'Региональный график проведения ВПР (Калининградская область)',
      roles: SCHOOLS_AND_COORDINATORS,
      ownerRegionCode: '39',
      daysAgo: 2,
      body:
        'Региональный координатор сообщает даты проведения ВПР в школах Калининградской области. ' +
        'График — в файле [региональный график]({{file:Региональный график ВПР.xlsx}}).',
      storages: [
        {
          title: 'График',
          files: [
            {
              name: 'Региональный график ВПР.xlsx',
              bytes: await xlsx(
                'График',
                ['Дата', 'Класс', 'Предмет'],
                [
                  ['18.03.2026', 4, 'Русский язык (ч. 1)'],
                  ['19.03.2026', 4, 'Русский язык (ч. 2)'],
                  ['25.03.2026', 4, 'Математика'],
                ],
              ),
            },
          ],
        },
      ],
    },
  ];

  const blobsRepo = new BlobsRepository(db);
  // the same bytes are one blob: store each buffer once
  const stored = new Map<Buffer, StoredBlob>();
  const put = async (bytes: Buffer) => {
    let blob = stored.get(bytes);
    if (!blob) {
      blob = await ctx.blobs.put(bytes);
      await blobsRepo.record(blob);
      stored.set(bytes, blob);
    }
    return blob;
  };
  for (const p of publications) {
    const ownerRegionCode = p.ownerRegionCode ?? null;
    const { id } = await db
      .insertInto('publications')
      .values({
        section: p.section,
        title: p.title,
        body: '',
        author_id: admin?.id ?? null,
        owner_region_code: ownerRegionCode,
        audience_roles: p.roles,
        audience_region_codes: ownerRegionCode ? [ownerRegionCode] : null,
        audience_org_ids: null,
        published_at: new Date(now.getTime() - p.daysAgo * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const fileIds = new Map<string, string>();
    for (const [position, s] of p.storages.entries()) {
      const storage = await db
        .insertInto('storages')
        .values({ publication_id: id, title: s.title, position })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = [];
      for (const f of s.files) {
        const blob = await put(f.bytes);
        rows.push({
          storage_id: storage.id,
          name: f.name,
          sha256: blob.sha256,
          size: blob.size,
          content_type: contentTypeOf(f.name),
          org_id: f.orgId ?? null,
          only_for_orgs: f.onlyForOrgs ?? false,
          available_local: f.availableLocal ?? null,
          created_at: new Date(now.getTime() - p.daysAgo * DAY),
        });
      }
      if (rows.length === 0) continue;
      const inserted = await db.insertInto('storage_files').values(rows).returning(['id', 'name']).execute();
      for (const r of inserted) fileIds.set(r.name, r.id);
    }
    const body = p.body.replace(/\{\{file:([^}]+)\}\}/g, (_, name: string) => `file:${fileIds.get(name) ?? ''}`);
    await db.updateTable('publications').set({ body }).where('id', '=', id).execute();
  }
}
