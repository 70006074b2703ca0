import { FormTemplate } from '@oko/shared';
import type { CollectionsRepository } from './collections.repository.ts';

/**
 * Templates as stored in form_templates, checked against the FormTemplate schema when loaded. A
 * template row is never edited in place (a changed form is a new template), so a parsed one is
 * kept for the life of the process.
 */
export class TemplateStore {
  private readonly parsed = new Map<string, Promise<FormTemplate>>();
  constructor(private readonly repo: CollectionsRepository) {}

  get(templateId: string): Promise<FormTemplate> {
    let p = this.parsed.get(templateId);
    if (!p) {
      p = this.load(templateId);
      this.parsed.set(templateId, p);
      // a failed load is not remembered: the next request tries again
      p.catch(() => this.parsed.delete(templateId));
    }
    return p;
  }

  private async load(templateId: string): Promise<FormTemplate> {
    const definition = await this.repo.templateDefinition(templateId);
    if (definition === undefined) throw new Error(`шаблон формы ${templateId} не найден`);
    const result = FormTemplate.safeParse(definition);
    if (!result.success) {
      throw new Error(`шаблон формы ${templateId} не соответствует схеме: ${result.error.message.slice(0, 500)}`);
    }
    return result.data;
  }
}
