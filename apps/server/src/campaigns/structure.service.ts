import type { FormData, StructureImportResult } from '@oko/shared';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import { writeFormXlsx } from '../forms/form-xlsx-writer.ts';
import { conflict, notFound } from '../http/errors.ts';
import { xlsxFileName } from '../registration/file-name.ts';
import { planStructure, type ExistingSubject } from './structure-plan.ts';
import type { StructureRepository } from './structure.repository.ts';
import { GROUP_TITLES, structureTemplate, SUBJECTS_SHEET, TASKS_SHEET } from './structure-template.ts';
import { readUploadedForm, UploadIssues } from './upload-form.ts';

/**
 * The campaign structure as a workbook (federal level): download the subjects and tasks, edit them in
 * Excel, upload them back. One transaction: every subject of the file is written, or none.
 */
export class StructureService {
  constructor(
    private readonly repo: StructureRepository,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  private async existing(repo: StructureRepository, campaignId: string): Promise<ExistingSubject[]> {
    const subjects = await repo.subjects(campaignId);
    const tasks = await repo.tasks(subjects.map((s) => s.id));
    const materials = await repo.materialsCounts(campaignId);
    const results = await repo.resultsCounts(campaignId);
    const lastDates = await repo.lastTestDates(campaignId);
    return subjects.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      grade: s.grade,
      group: s.materials_group,
      variants: s.variants,
      scale3: s.scale_3,
      scale4: s.scale_4,
      scale5: s.scale_5,
      resultsDeadline: s.results_deadline,
      tasks: tasks
        .filter((t) => t.subject_id === s.id)
        .map((t) => ({
          number: t.number,
          maxScore: t.max_score,
          difficulty: t.difficulty,
          plannedResult: t.planned_result,
          dependsOn: t.depends_on,
        })),
      materials: materials.get(s.id) ?? 0,
      results: results.get(s.id) ?? 0,
      lastTestDate: lastDates.get(s.id) ?? null,
    }));
  }

  async download(actor: Actor, campaignId: string): Promise<{ name: string; bytes: Buffer }> {
    this.access.requirePermission(actor, 'campaign.manage');
    const campaign = await this.repo.campaign(campaignId);
    if (!campaign) throw notFound('Кампания не найдена');
    const subjects = await this.existing(this.repo, campaignId);
    const data: FormData = {
      [SUBJECTS_SHEET]: subjects.map((s) => ({
        code: s.code,
        name: s.name,
        grade: s.grade,
        group: GROUP_TITLES[s.group],
        variants: s.variants,
        scale3: s.scale3,
        scale4: s.scale4,
        scale5: s.scale5,
        deadline: s.resultsDeadline,
      })),
      [TASKS_SHEET]: subjects.flatMap((s) =>
        s.tasks.map((t) => ({
          code: s.code,
          grade: s.grade,
          number: t.number,
          maxScore: t.maxScore,
          difficulty: t.difficulty,
          plannedResult: t.plannedResult,
          dependsOn: t.dependsOn,
        })),
      ),
    };
    const bytes = await writeFormXlsx(structureTemplate(campaign.title), data);
    return { name: xlsxFileName(`Структура — ${campaign.title}`, this.clock.now()), bytes };
  }

  async upload(actor: Actor, campaignId: string, bytes: Buffer): Promise<StructureImportResult> {
    this.access.requirePermission(actor, 'campaign.manage');
    const campaign = await this.repo.campaign(campaignId);
    if (!campaign) throw notFound('Кампания не найдена');
    const template = structureTemplate(campaign.title);
    const { data, rowNumbers } = await readUploadedForm(template, bytes);
    return this.repo.transaction(async (repo) => {
      const locked = await repo.lockCampaign(campaignId);
      if (!locked) throw notFound('Кампания не найдена');
      await repo.lockSubjects(campaignId);
      const issues = new UploadIssues(template);
      const plan = planStructure(
        {
          subjects: data[SUBJECTS_SHEET] ?? [],
          subjectRows: rowNumbers.get(SUBJECTS_SHEET) ?? [],
          tasks: data[TASKS_SHEET] ?? [],
          taskRows: rowNumbers.get(TASKS_SHEET) ?? [],
          existing: await this.existing(repo, campaignId),
          windowStart: locked.window_start,
        },
        issues,
      );
      issues.throwIfAny();
      let tasks = 0;
      for (const s of plan.added) {
        if (!(await repo.insertSubject(campaignId, s))) {
          throw conflict(
            `Предмет ${s.code}, ${s.grade} класс только что добавлен другим пользователем: загрузите файл ещё раз`,
          );
        }
        tasks += s.tasks.length;
      }
      for (const u of plan.updated) {
        await repo.updateSubject(u.subjectId, u.subject);
        if (u.tasksChanged) await repo.replaceTasks(u.subjectId, u.subject.tasks);
        tasks += u.subject.tasks.length;
      }
      return {
        subjects: plan.added.length + plan.updated.length,
        tasks,
        added: plan.added.length,
        updated: plan.updated.length,
      };
    });
  }
}
