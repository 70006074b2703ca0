import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';
import { FormInvalid } from './form-invalid.ts';

interface Detail {
  path: string;
  message: string;
}

const FASTIFY_CODES: Record<string, { status: number; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, message: 'Тело запроса не является корректным JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, message: 'Пустое тело запроса: ожидался JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 400, message: 'Тело запроса слишком большое' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 400,
    message: 'Неподдерживаемый тип содержимого: ожидался application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, message: 'Неверная длина тела запроса' },
};

function zodIssueMessage(issue: { code?: string; message: string; keys?: string[] }): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Лишние поля: ${(issue.keys ?? []).join(', ')}`;
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'Обязательное поле' : 'Неверный тип значения';
    case 'too_small':
      return /[А-я]/.test(issue.message) ? issue.message : 'Значение слишком короткое или пустое';
    case 'too_big':
      return 'Значение слишком длинное или большое';
    default:
      return /[А-я]/.test(issue.message) ? issue.message : 'Неверное значение';
  }
}

/** Every failure becomes JSON `{error:{code,message}}`; nothing but a real bug answers 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof FormInvalid) return reply.status(400).send(err.body());
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: Detail[] = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath.replaceAll('/', '.')}`,
        message: zodIssueMessage({
          code: v.keyword,
          message: v.message ?? '',
          keys: (v.params as { keys?: string[] }).keys,
        }),
      }));
      const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
      return reply.status(400).send({
        error: { code: 'VALIDATION', message: `Неверные данные запроса — ${summary}`, details },
      });
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) {
      return reply.status(known.status).send({ error: { code: 'BAD_REQUEST', message: known.message } });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply
        .status(err.statusCode === 413 || err.statusCode === 415 ? 400 : err.statusCode)
        .send({ error: { code: 'BAD_REQUEST', message: 'Неверный запрос' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'INTERNAL', message: 'Внутренняя ошибка сервера. Повторите попытку позже.' } });
  });
}
