import type { Readable } from 'node:stream';

export interface StoredBlob {
  sha256: string;
  size: number;
}

export interface ByteRange {
  /** first byte, inclusive */
  start: number;
  /** last byte, inclusive */
  end: number;
}

/**
 * Where file bytes live. Content-addressed by SHA-256, so the same file uploaded twice is stored once
 * and a half-written file can never be served. Local disk today; an object store implements the same.
 */
export interface BlobStorage {
  /** Streams the bytes in; the blob becomes visible only once completely written and hashed. */
  put(source: Readable | Buffer, opts?: { maxBytes?: number }): Promise<StoredBlob>;
  /** The whole blob or a byte range of it. */
  read(sha256: string, range?: ByteRange): Readable;
  size(sha256: string): Promise<number | null>;
  /** A path on the local filesystem when the storage has one (for tools that need a file). */
  localPath?(sha256: string): string;
}

export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`blob larger than ${maxBytes} bytes`);
  }
}
