// HTTP helpers of the materials benches: sessions of many accounts, JSON calls with the CSRF token,
// a streamed multipart upload and a download that counts bytes without keeping them.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { httpRequest, type HttpRequestSpec } from './load.ts';

export const MB = 1024 * 1024;

export interface Session {
  login: string;
  cookie: string;
  csrf: string;
}

export async function signIn(port: number, login: string, password: string): Promise<Session> {
  const res = await httpRequest(
    port,
    { method: 'POST', path: '/api/auth/login', body: JSON.stringify({ login, password }) },
    { keepBody: true },
  );
  if (res.status !== 200) throw new Error(`вход ${login}: ${res.status} ${res.body.slice(0, 300)}`);
  const cookie = (res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('oko_session='));
  if (!cookie) throw new Error(`вход ${login}: нет cookie oko_session`);
  return { login, cookie, csrf: (JSON.parse(res.body) as { user: { csrfToken: string } }).user.csrfToken };
}

/** Runs `fn` over the items, at most `limit` at a time, results in item order. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

export async function json<T>(port: number, spec: HttpRequestSpec, s: Session, expect = 200): Promise<T> {
  const headers = { ...spec.headers, cookie: s.cookie, 'x-csrf-token': s.csrf };
  const res = await httpRequest(port, { ...spec, headers }, { keepBody: true });
  if (res.status !== expect) {
    throw new Error(`${spec.method} ${spec.path}: ${res.status} вместо ${expect}: ${res.body.slice(0, 300)}`);
  }
  return JSON.parse(res.body) as T;
}

/**
 * Streams `size` bytes as one multipart file to an upload route; the blocks are stamped with the
 * name so two files never share a blob (the storage is content-addressed). Resolves the SHA-256.
 */
export function uploadFile(
  port: number,
  s: Pick<Session, 'cookie' | 'csrf'>,
  urlPath: string,
  name: string,
  size: number,
): Promise<string> {
  const block = randomBytes(MB);
  const boundary = `----okobench${randomBytes(6).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: urlPath,
        agent: false,
        headers: {
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + size + tail.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 201
            ? resolve(hash.digest('hex'))
            : reject(new Error(`загрузка ${name}: ${res.statusCode} ${Buffer.concat(chunks).toString()}`)),
        );
      },
    );
    req.on('error', reject);
    void (async () => {
      req.write(head);
      const stamp = Buffer.from(name.padEnd(64, ' '));
      for (let sent = 0, i = 0; sent < size; i++) {
        const n = Math.min(block.length, size - sent);
        const chunk = Buffer.from(block.subarray(0, n));
        stamp.copy(chunk, 0, 0, Math.min(stamp.length, n));
        chunk.writeUInt32LE(i, Math.min(64, n - 4));
        hash.update(chunk);
        sent += n;
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      }
      req.end(tail);
    })();
  });
}

/** GET on a keep-alive agent; the body is counted, not kept. Rejects on another status than 200. */
export function download(
  port: number,
  cookie: string,
  urlPath: string,
  agent: http.Agent,
): Promise<{ bytes: number; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, agent, headers: { cookie } }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('error', reject);
        res.on('end', () =>
          res.statusCode === 200
            ? resolve({ bytes, ms: performance.now() - t0 })
            : reject(new Error(`GET ${urlPath}: ${res.statusCode}`)),
        );
      })
      .on('error', reject);
  });
}

/** Reads a file the way the server streams a blob (64 KB chunks); resolves bytes and milliseconds. */
export async function readFromDisk(file: string): Promise<{ bytes: number; ms: number }> {
  const t0 = performance.now();
  let bytes = 0;
  await pipeline(
    fs.createReadStream(file, { highWaterMark: 64 * 1024 }),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  return { bytes, ms: performance.now() - t0 };
}

/** Samples a number every `everyMs` and keeps the highest; `stop()` gives it. */
export function peakSampler(sample: () => number, everyMs = 50): { stop(): number } {
  let peak = sample();
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, sample());
    } catch {
      // the process is gone: whoever waits on it reports that
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
