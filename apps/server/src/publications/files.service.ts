import type { Readable } from 'node:stream';
import { MOSCOW_ZONE, wallClockText, type FilePage } from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import type { Clock } from '../clock.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import type { BlobStorage, ByteRange } from '../storage/blob-storage.ts';
import { isOrgRole } from '../access/visibility.ts';
import { parseRange } from './byte-range.ts';
import { compressible, sanitizeFileName, uniqueNamer } from './file-names.ts';
import type { FileRow, FilesRepository } from './files.repository.ts';
import type { PublicationsRepository } from './publications.repository.ts';
import { isOpen, mayDownload, toStoredFile } from './stored-file.ts';
import { zipStream } from './zip-stream.ts';

export type Download =
  | {
      kind: 'file';
      name: string;
      size: number;
      contentType: string;
      etag: string;
      range: ByteRange | null;
      stream: Readable;
    }
  | { kind: 'unsatisfiable'; size: number };

const ONLY_FOR_ORGS = 'Файл предназначен только для образовательных организаций';

const missingBlob = (name: string) =>
  new AppError(
    500,
    'BLOB_MISSING',
    `Файл «${name}» отсутствует в хранилище сервера. Сообщите в техническую поддержку.`,
  );

/** Reading stored files: pages, single downloads (with ranges) and the whole storage as one ZIP. */
export class FilesService {
  constructor(
    private readonly deps: {
      clock: Clock;
      blobs: BlobStorage;
      files: FilesRepository;
      publications: PublicationsRepository;
    },
  ) {}

  /** Scope of the storage was checked by the route. */
  async page(
    actor: Actor,
    storageId: string,
    q: { q?: string | undefined; page: number; pageSize: number },
  ): Promise<FilePage> {
    const now = this.deps.clock.now();
    const { items, total } = await this.deps.files.page(actor, now, storageId, q);
    return { items: items.map((f) => toStoredFile(actor, now, f)), total, page: q.page, pageSize: q.pageSize };
  }

  /**
   * One file, whole or a byte range. A file not yet open answers like a file that does not exist,
   * so a guessed address learns nothing; a coordinator, who sees it listed, is told when it opens.
   * A download is recorded once per request: the first range of a resumable download counts, the
   * ranges after it do not.
   */
  async download(
    actor: Actor,
    fileId: string,
    req: { range?: string | undefined; ifRange?: string | undefined; record: boolean },
  ): Promise<Download> {
    const now = this.deps.clock.now();
    const f = await this.deps.files.one(actor, now, fileId);
    if (!f) throw notFound();
    if (f.only_for_orgs && !isOrgRole(actor)) throw forbidden(ONLY_FOR_ORGS);
    if (!isOpen(f, now)) {
      throw notFound(
        f.available_from
          ? `Файл станет доступен ${wallClockText(new Date(f.available_from), MOSCOW_ZONE)} (МСК)`
          : undefined,
      );
    }
    const size = await this.deps.blobs.size(f.sha256);
    if (size === null) throw missingBlob(f.name);
    const etag = `"${f.sha256}"`;
    // a resumed download of a file that changed meanwhile gets the whole new file
    const rangeHeader = req.ifRange === undefined || req.ifRange === etag ? req.range : undefined;
    const range = parseRange(rangeHeader, size);
    if (range === 'unsatisfiable') return { kind: 'unsatisfiable', size };
    if (req.record && (range === null || range.start === 0)) {
      await this.deps.files.recordDownloads([f.id], actor, now);
    }
    return {
      kind: 'file',
      name: f.name,
      size,
      contentType: f.content_type,
      etag,
      range,
      stream: this.deps.blobs.read(f.sha256, range ?? undefined),
    };
  }

  /**
   * «Скачать всё»: every file of the storage the caller may download, as one ZIP built while it is
   * sent. Individual files of other ОО and, for coordinators, files only for ОО are left out.
   */
  async zip(
    actor: Actor,
    storageId: string,
    onError: (err: unknown) => void,
  ): Promise<{ name: string; stream: Readable; files: number }> {
    const now = this.deps.clock.now();
    const storage = await this.deps.publications.storage(storageId);
    if (!storage) throw notFound();
    const files = (await this.deps.files.allOf(actor, now, storageId)).filter((f) => mayDownload(actor, f, now));
    if (files.length === 0) throw notFound('В хранилище нет файлов, которые вы можете скачать');
    const sizes = await this.sizes(files);
    await this.deps.files.recordDownloads(
      files.map((f) => f.id),
      actor,
      now,
    );
    const unique = uniqueNamer();
    const entries = files.map((f, i) => ({
      // names were cleaned at upload; rows written any other way are cleaned here: no paths inside the ZIP
      name: unique(sanitizeFileName(f.name) ?? 'файл'),
      size: sizes[i]!,
      modified: new Date(f.created_at),
      deflate: compressible(f.name),
      open: () => this.deps.blobs.read(f.sha256),
    }));
    const title = sanitizeFileName(`${storage.publication_title} — ${storage.title}`.slice(0, 200)) ?? 'Файлы';
    return { name: `${title}.zip`, stream: zipStream(entries, onError), files: files.length };
  }

  /** Every blob is checked before the archive starts: a missing one fails the request, not the ZIP half-way. */
  private async sizes(files: FileRow[]): Promise<number[]> {
    const out: number[] = [];
    for (let i = 0; i < files.length; i += 32) {
      const batch = files.slice(i, i + 32);
      const sizes = await Promise.all(batch.map((f) => this.deps.blobs.size(f.sha256)));
      sizes.forEach((s, j) => {
        if (s === null) throw missingBlob(batch[j]!.name);
        out.push(s);
      });
    }
    return out;
  }
}
