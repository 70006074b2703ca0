import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../http/errors.ts';
import { MAX_FORM_UPLOAD_BYTES } from '../http/uploads.ts';

const MB = Math.round(MAX_FORM_UPLOAD_BYTES / 1024 / 1024);

/**
 * The one file of a form upload, in memory (a filled form is far below the limit). Its name is
 * never used: the bytes alone decide whether it is the form.
 */
export async function readFormUpload(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw badRequest('Ожидался файл XLSX, отправленный формой загрузки (multipart/form-data)');
  const file = await req.file({ limits: { fileSize: MAX_FORM_UPLOAD_BYTES, files: 1 } });
  if (!file) throw badRequest('Файл не выбран: приложите заполненную форму в формате XLSX');
  try {
    return await file.toBuffer();
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(
        413,
        'FILE_TOO_LARGE',
        `Файл больше ${MB} МБ: заполненная форма намного меньше. Проверьте, что выбран нужный файл.`,
      );
    }
    throw e;
  }
}
