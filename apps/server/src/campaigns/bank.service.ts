import { taskHeader, type Bank, type BankImportResult, type FormRow } from '@oko/shared';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import { writeFormXlsx } from '../forms/form-xlsx-writer.ts';
import { conflict, notFound } from '../http/errors.ts';
import { xlsxFileName } from '../registration/file-name.ts';
import { planBank } from './bank-plan.ts';
import type { BankRepository } from './bank.repository.ts';
import { BANK_SHEET, bankTemplate } from './bank-template.ts';
import { readUploadedForm, UploadIssues } from './upload-form.ts';

const lockedMessage = (s: { code: string; grade: number }, n: number) =>
  `По предмету ${s.code}, ${s.grade} класс уже сформированы материалы (ОО: ${n}): банк заданий изменить нельзя`;

/** The task bank (federal level): read it, download it as a workbook, replace it from one. */
export class BankService {
  constructor(
    private readonly repo: BankRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  private async subject(actor: Actor, campaignId: string, subjectId: string) {
    this.access.requirePermission(actor, 'campaign.manage');
    const subject = await this.repo.subject(campaignId, subjectId);
    if (!subject) throw notFound('Предмет не найден в этой кампании');
    return subject;
  }

  async get(actor: Actor, campaignId: string, subjectId: string): Promise<Bank> {
    const subject = await this.subject(actor, campaignId, subjectId);
    const tasks = await this.repo.tasks(subject.id);
    const items = await this.repo.items(subject.id);
    return {
      subjectId: subject.id,
      subjectCode: subject.code,
      subjectName: subject.name,
      grade: subject.grade,
      locked: (await this.repo.materialsCount(subject.id)) > 0,
      positions: tasks.map((t) => ({
        position: t.position,
        number: t.number,
        header: taskHeader({ number: t.number, maxScore: t.max_score }),
        maxScore: t.max_score,
        items: items
          .filter((i) => i.position === t.position)
          .map((i) => ({
            itemNo: i.item_no,
            text: i.text,
            answer: i.answer,
            criteria: i.criteria,
            hasImage: i.image_sha256 !== null,
          })),
      })),
    };
  }

  /** Existing items in task order; a task without items gets one placeholder row to fill. */
  async download(actor: Actor, campaignId: string, subjectId: string): Promise<{ name: string; bytes: Buffer }> {
    const subject = await this.subject(actor, campaignId, subjectId);
    const tasks = await this.repo.tasks(subject.id);
    const items = await this.repo.items(subject.id);
    const rows: FormRow[] = tasks.flatMap((t) => {
      const own = items.filter((i) => i.position === t.position);
      if (own.length === 0) return [{ number: t.number, itemNo: 1, text: null, answer: null, criteria: null }];
      return own.map((i): FormRow => ({
        number: t.number,
        itemNo: i.item_no,
        text: i.text,
        answer: i.answer,
        criteria: i.criteria,
      }));
    });
    const bytes = await writeFormXlsx(bankTemplate(subject), { [BANK_SHEET]: rows });
    return {
      name: xlsxFileName(`Банк заданий — ${subject.code} ${subject.grade} класс`, this.clock.now()),
      bytes,
    };
  }

  /** Replaces the whole bank in one transaction, or refuses naming each bad cell and changes nothing. */
  async upload(actor: Actor, campaignId: string, subjectId: string, bytes: Buffer): Promise<BankImportResult> {
    const subject = await this.subject(actor, campaignId, subjectId);
    const generated = await this.repo.materialsCount(subject.id);
    if (generated > 0) throw conflict(lockedMessage(subject, generated));
    const template = bankTemplate(subject);
    const { data, rowNumbers } = await readUploadedForm(template, bytes);
    return this.repo.transaction(async (repo) => {
      if (!(await repo.subject(campaignId, subjectId, true))) throw notFound('Предмет не найден в этой кампании');
      const now = await repo.materialsCount(subject.id);
      if (now > 0) throw conflict(lockedMessage(subject, now));
      const issues = new UploadIssues(template);
      const items = planBank(
        {
          rows: data[BANK_SHEET] ?? [],
          rowNumbers: rowNumbers.get(BANK_SHEET) ?? [],
          tasks: await repo.tasks(subject.id),
        },
        issues,
      );
      issues.throwIfAny();
      await repo.replace(subject.id, items);
      return { tasks: new Set(items.map((i) => i.position)).size, items: items.length };
    });
  }
}
