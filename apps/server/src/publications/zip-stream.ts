import { PassThrough, type Readable } from 'node:stream';
import { ZipWriter } from '@zip.js/zip.js';

export interface ZipEntry {
  name: string;
  size: number;
  modified: Date;
  /** deflate it; already compressed content is stored as is */
  deflate: boolean;
  open(): Readable;
}

/**
 * A ZIP archive written while it is read: one entry at a time, each pulled from its source only as
 * fast as the client takes the archive, so memory stays flat whatever the total size.
 */
export function zipStream(entries: readonly ZipEntry[], onError: (err: unknown) => void): Readable {
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  const sink = new WritableStream<Uint8Array>({
    write: (chunk) => {
      if (out.destroyed) throw new Error('архив больше не читают');
      return out.write(chunk) ? undefined : drained(out);
    },
    close: () => void out.end(),
    abort: (reason) => void out.destroy(reason instanceof Error ? reason : new Error(String(reason))),
  });
  const zip = new ZipWriter(sink, { useWebWorkers: false, keepOrder: true, bufferedWrite: false });
  let reading: Readable | null = null;
  void (async () => {
    try {
      for (const e of entries) {
        if (out.destroyed) return;
        reading = e.open();
        await zip.add(e.name, pulled(reading), {
          level: e.deflate ? 6 : 0,
          uncompressedSize: e.size,
          lastModDate: e.modified,
        });
      }
      reading = null;
      await zip.close();
    } catch (err) {
      reading?.destroy();
      // a client that goes away mid-download is not a failure worth reporting
      if (!out.destroyed) {
        onError(err);
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      }
    }
  })();
  return out;
}

/** Resolves when the stream wants more, rejects when it is gone (the client closed the connection). */
function drained(out: PassThrough): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.destroyed) return reject(new Error('архив больше не читают'));
    const done = (err?: unknown) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (err) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('архив больше не читают'));
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}

/** A web stream over a Node stream that reads only when asked (Readable.toWeb buffers ahead on Node 20). */
function pulled(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      },
      cancel: () => void source.destroy(),
    },
    { highWaterMark: 0 },
  );
}
