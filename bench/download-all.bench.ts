// «Скачать всё» over 1 GB of files: the archive is built while it is sent, so the server's memory must
// stay flat (target: RSS < 200 MB). Also a single file over HTTP against reading the same blob from disk.
// Standalone: `node scripts/build.mjs --server-only && npx tsx bench/download-all.bench.ts`.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DEMO_ADMIN_LOGIN, DEMO_PASSWORDS } from '../apps/server/src/demo/demo-passwords.ts';
import { httpRequest } from './lib/load.ts';
import { uploadFile } from './lib/materials-http.ts';
import { makeTempDataDir, removeTempDataDir, SERVER_ENTRY, startServer, type RunningServer } from './lib/server.ts';

const MB = 1024 * 1024;

export interface DownloadAllFigures {
  files: number;
  /** bytes of the files put in the storage */
  totalBytes: number;
  /** bytes of the ZIP received */
  zipBytes: number;
  seconds: number;
  mbPerSec: number;
  /** the server's resident memory: highest sample while the ZIP was streamed */
  serverPeakRssMb: number;
  /** the server's resident memory right before the download began */
  serverRssBeforeMb: number;
  /** peak − before: what building and sending the archive cost */
  serverRssGrowthMb: number;
  /** the server's resident memory when the bench began (the embedded PGlite is most of it) */
  serverRssIdleMb: number;
  /** upload of the same files through the HTTP upload route (multipart), for reference */
  uploadMbPerSec: number;
  single: {
    fileMb: number;
    httpMbPerSec: number;
    diskMbPerSec: number;
    /** HTTP throughput ÷ disk read throughput of the same blob */
    httpOverDisk: number;
  };
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(port: number): Promise<Session> {
  const res = await httpRequest(
    port,
    {
      method: 'POST',
      path: '/api/auth/login',
      body: JSON.stringify({ login: DEMO_ADMIN_LOGIN, password: DEMO_PASSWORDS.federal_admin }),
    },
    { keepBody: true },
  );
  if (res.status !== 200) throw new Error(`вход администратора: ${res.status} ${res.body}`);
  const cookie = (res.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('oko_session='));
  if (!cookie) throw new Error('нет cookie сеанса');
  return { cookie, csrf: (JSON.parse(res.body) as { user: { csrfToken: string } }).user.csrfToken };
}

async function createStorage(port: number, s: Session): Promise<string> {
  const res = await httpRequest(
    port,
    {
      method: 'POST',
      path: '/api/publications',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      body: JSON.stringify({
        section: 'vpr',
        title: 'Замер «Скачать всё»',
        body: 'Публикация для замера скорости',
        audience: { roles: ['school'], regionCodes: null, orgIds: null },
        storages: ['Гигабайт файлов'],
      }),
    },
    { keepBody: true },
  );
  if (res.status !== 201) throw new Error(`создание публикации: ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { storages: { id: string }[] }).storages[0]!.id;
}

export function serverPid(server: RunningServer): number {
  const given = (server as { pid?: number }).pid;
  if (given) return given;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const env = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (cmd.includes(SERVER_ENTRY) && env.includes(`PORT=${server.port}`)) return Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error('процесс сервера не найден в /proc');
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** GETs a path and counts the body without keeping it; resolves with bytes and the last 64 KB. */
function download(port: number, s: Session, urlPath: string): Promise<{ bytes: number; tail: Buffer; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, agent: false, headers: { cookie: s.cookie } }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new Error(`GET ${urlPath}: ${res.statusCode}`));
        }
        let bytes = 0;
        let tail = Buffer.alloc(0);
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          tail = Buffer.concat([tail, c]).subarray(-64 * 1024);
        });
        res.on('end', () => resolve({ bytes, tail, ms: performance.now() - t0 }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Entries counted by the ZIP's end-of-central-directory record (zip64 when the count overflows). */
function zipEntries(tail: Buffer): number {
  const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (at < 0) throw new Error('архив без записи конца центрального каталога');
  const n = tail.readUInt16LE(at + 10);
  if (n !== 0xffff) return n;
  const z = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
  return Number(tail.readBigUInt64LE(z + 32));
}

async function readFromDisk(file: string): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  await pipeline(
    fs.createReadStream(file, { highWaterMark: 64 * 1024 }),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        n += chunk.length;
        done();
      },
    }),
  );
  return (n / MB / (performance.now() - t0)) * 1000;
}

export async function benchDownloadAll(
  server: RunningServer,
  opts: { files?: number; fileMb?: number; log?: (msg: string) => void } = {},
): Promise<DownloadAllFigures> {
  const files = opts.files ?? 20;
  const fileBytes = (opts.fileMb ?? 50) * MB;
  const log = opts.log ?? (() => undefined);
  const { port } = server;
  const pid = serverPid(server);
  const rssIdle = rssMb(pid);
  const session = await signIn(port);
  const storageId = await createStorage(port, session);

  log(`загрузка ${files} × ${fileBytes / MB} МБ через POST /api/storages/:id/files…`);
  const shas: string[] = [];
  const up0 = performance.now();
  for (let i = 1; i <= files; i++) {
    shas.push(
      await uploadFile(
        port,
        session,
        `/api/storages/${storageId}/files`,
        `Материалы ${String(i).padStart(2, '0')}.bin`,
        fileBytes,
      ),
    );
  }
  const uploadMbPerSec = ((files * fileBytes) / MB / (performance.now() - up0)) * 1000;

  log('«Скачать всё»…');
  const rssBefore = rssMb(pid);
  let peak = rssBefore;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // the server is gone: the download will fail and say so
    }
  }, 25);
  let zip: Awaited<ReturnType<typeof download>>;
  try {
    zip = await download(port, session, `/api/storages/${storageId}/zip`);
  } finally {
    clearInterval(sampler);
  }
  const entries = zipEntries(zip.tail);
  if (entries !== files) throw new Error(`в архиве ${entries} файлов вместо ${files}`);
  if (zip.bytes < files * fileBytes) throw new Error(`архив меньше файлов: ${zip.bytes} байт`);

  log('один файл: HTTP против чтения с диска…');
  const list = await httpRequest(
    port,
    { method: 'GET', path: `/api/storages/${storageId}/files?pageSize=1`, headers: { cookie: session.cookie } },
    { keepBody: true },
  );
  const first = (JSON.parse(list.body) as { items: { id: string }[] }).items[0]!;
  const blobPath = path.join(server.dataDir, 'blobs', shas[0]!.slice(0, 2), shas[0]!.slice(2, 4), shas[0]!);
  const httpRuns: number[] = [];
  const diskRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const d = await download(port, session, `/api/files/${first.id}`);
    httpRuns.push((d.bytes / MB / d.ms) * 1000);
    diskRuns.push(await readFromDisk(blobPath));
  }
  const best = (xs: number[]) => Math.max(...xs);

  const seconds = zip.ms / 1000;
  return {
    files,
    totalBytes: files * fileBytes,
    zipBytes: zip.bytes,
    seconds,
    mbPerSec: zip.bytes / MB / seconds,
    serverPeakRssMb: peak,
    serverRssBeforeMb: rssBefore,
    serverRssGrowthMb: peak - rssBefore,
    serverRssIdleMb: rssIdle,
    uploadMbPerSec,
    single: {
      fileMb: fileBytes / MB,
      httpMbPerSec: best(httpRuns),
      diskMbPerSec: best(diskRuns),
      httpOverDisk: best(httpRuns) / best(diskRuns),
    },
  };
}

/** Runs on its own server and data directory (removed afterwards). */
export async function benchDownloadAllStandalone(
  opts: Parameters<typeof benchDownloadAll>[1] = {},
): Promise<DownloadAllFigures> {
  const dataDir = makeTempDataDir();
  const server = await startServer({ dataDir, jobWorkers: 0 });
  try {
    return await benchDownloadAll(server, opts);
  } finally {
    await server.stop();
    removeTempDataDir(dataDir);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchDownloadAllStandalone({ log: (m) => console.log(`· ${m}`) }).then(
    (f) => {
      console.log(JSON.stringify(f, null, 2));
      process.exit(0);
    },
    (err: unknown) => {
      console.error('bench failed:', err);
      process.exit(1);
    },
  );
}
