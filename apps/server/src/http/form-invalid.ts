import type { FormIssue, FormIssues } from '@oko/shared';

/**
 * A form refused with the cells to fix. The error handler answers it as 400 `FormIssues`; it is not an
 * AppError because its details are cells (sheet, row, column), not request fields.
 */
export class FormInvalid extends Error {
  constructor(
    message: string,
    readonly issues: FormIssue[],
  ) {
    super(message);
  }

  body(): FormIssues {
    return { error: { code: 'FORM_INVALID', message: this.message, issues: this.issues } };
  }
}
