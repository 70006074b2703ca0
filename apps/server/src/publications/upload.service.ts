import type { Multipart } from '@fastify/multipart';
import { UploadFilesFields, type UploadFilesResult } from '@oko/shared';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { DB } from '../db/schema.ts';
import { AppError, badRequest, notFound } from '../http/errors.ts';
import { MAX_UPLOAD_BYTES } from '../http/uploads.ts';
import { BlobTooLargeError, type BlobStorage, type StoredBlob } from '../storage/blob-storage.ts';
import type { BlobsRepository } from '../storage/blobs.repository.ts';
import { requireAuthor } from './authoring.ts';
import { contentTypeOf, loginPrefix, sanitizeFileName } from './file-names.ts';
import type { FilesRepository, NewFile } from './files.repository.ts';
import type { PublicationsRepository } from './publications.repository.ts';

interface Received extends StoredBlob {
  name: string;
}

const MB = 1024 * 1024;

/** The limits of the multipart parser and of the blob storage, told in words. */
function multipartProblem(e: unknown, fileName: string): AppError | null {
  const code = (e as { code?: string }).code;
  if (e instanceof BlobTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE') {
    return badRequest(`Файл «${fileName}» больше ${MAX_UPLOAD_BYTES / MB} МБ: разделите его или сожмите`);
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return badRequest('Слишком много файлов или полей в одной загрузке: загрузите файлы несколькими частями');
  }
  if (code === 'FST_MP_PREMATURE_CLOSE') return badRequest('Загрузка прервана: отправьте файлы ещё раз');
  return null;
}

/**
 * Upload into a storage, all or nothing: every file is streamed into the blob storage first (a blob
 * is only ever visible complete), then one transaction records them all. A bad file name, a bad
 * field or an unknown ОО login refuses the whole upload and records nothing.
 */
export class UploadService {
  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      blobs: BlobStorage;
      blobsRepo: BlobsRepository;
      files: FilesRepository;
      publications: PublicationsRepository;
    },
  ) {}

  /** Scope of the storage was checked by the route; authorship is checked here. */
  async upload(actor: Actor, storageId: string, parts: AsyncIterable<Multipart>): Promise<UploadFilesResult> {
    const storage = await this.deps.publications.storage(storageId);
    if (!storage) throw notFound();
    requireAuthor(actor, storage.owner_region_code, storage.section);

    const fields: Record<string, string> = {};
    const received: Received[] = [];
    const badNames: string[] = [];
    let current = '';
    try {
      for await (const part of parts) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
          continue;
        }
        const name = sanitizeFileName(part.filename);
        current = name ?? part.filename;
        if (!name) {
          badNames.push(part.filename);
          part.file.resume();
          continue;
        }
        received.push({ name, ...(await this.deps.blobs.put(part.file, { maxBytes: MAX_UPLOAD_BYTES })) });
      }
    } catch (e) {
      throw multipartProblem(e, current) ?? e;
    }
    if (badNames.length) {
      throw badRequest(`Недопустимое имя файла: «${badNames.join('», «')}»`);
    }
    if (received.length === 0) throw badRequest('Не выбрано ни одного файла');

    const parsed = UploadFilesFields.safeParse(fields);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({
        path: i.path.join('.') || 'поля',
        message:
          i.code === 'unrecognized_keys'
            ? `лишние поля: ${i.keys.join(', ')}`
            : /[А-Яа-яЁё]/.test(i.message)
              ? i.message
              : 'неверное значение',
      }));
      throw badRequest(
        `Неверные параметры загрузки — ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
        details,
      );
    }
    const opts = parsed.data;
    if (opts.availableAt && opts.availableLocal) {
      throw badRequest('Укажите одно время доступности: точный момент или местное время ОО');
    }
    const orgOf =
      opts.individual === 'true' ? await this.individualOrgs(actor, storage.publication_id, received) : null;

    const files: NewFile[] = received.map((r) => ({
      name: r.name,
      sha256: r.sha256,
      size: r.size,
      contentType: contentTypeOf(r.name),
      orgId: orgOf?.get(loginPrefix(r.name)) ?? null,
      onlyForOrgs: opts.onlyForOrgs === 'true',
      availableAt: opts.availableAt ? new Date(opts.availableAt) : null,
      availableLocal: opts.availableLocal ? opts.availableLocal.replace('T', ' ') : null,
    }));
    await this.deps.db.transaction().execute(async (trx) => {
      for (const r of received) await this.deps.blobsRepo.record(r, trx);
      await this.deps.files.insert(trx, storageId, files);
    });
    return {
      added: received.map((r) => ({
        name: r.name,
        orgLogin: orgOf ? loginPrefix(r.name) : null,
      })),
    };
  }

  /** Each individual file goes to the ОО of the audience whose login starts its name. */
  private async individualOrgs(
    actor: Actor,
    publicationId: string,
    received: Received[],
  ): Promise<Map<string, string>> {
    const logins = [...new Set(received.map((r) => loginPrefix(r.name)).filter(Boolean))];
    const orgs = await this.deps.files.audienceOrgsByLogin(actor, publicationId, logins);
    const unknown = received.filter((r) => !orgs.has(loginPrefix(r.name)));
    if (unknown.length) {
      const details = unknown.map((r) => ({
        path: r.name,
        message: `нет ОО с логином «${loginPrefix(r.name)}» среди адресатов публикации`,
      }));
      const named = unknown
        .slice(0, 5)
        .map((r) => `«${r.name}»`)
        .join(', ');
      throw new AppError(
        400,
        'BAD_REQUEST',
        `Индивидуальные файлы должны начинаться с логина ОО из адресатов публикации (например, sch390001.pdf). ` +
          `Не подходят: ${named}${unknown.length > 5 ? ` и ещё ${unknown.length - 5}` : ''}`,
        details,
      );
    }
    return orgs;
  }
}
