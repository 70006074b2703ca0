// The ОО's side of a results upload: the blank downloaded from the server, filled as a teacher would with
// exceljs (one row per participant, codes of the ОО's list, some absent pupils and X), sent back as
// multipart/form-data on the connection the caller gives.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import type { Session } from './lib/materials-http.ts';
import { participantCode, SCALE, TASK_MAX } from './results-data.ts';

export type Cell = string | number | null;

/** GET of a binary body (the XLSX blank), kept whole. */
export function getBytes(port: number, s: Session, urlPath: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, agent: false, headers: { cookie: s.cookie } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(Buffer.concat(chunks))
            : reject(new Error(`GET ${urlPath}: ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`)),
        );
      })
      .on('error', reject);
  });
}

/**
 * `rows` pupils of one ОО as the cells of «Протокол»: code, variant, a score (or X) per task, class ordinal,
 * journal mark. `rnd` makes each ОО's form its own.
 */
export function protocolRows(rows: number, rnd: () => number): Cell[][] {
  return Array.from({ length: rows }, (_, i) => {
    const code = participantCode(i + 1);
    const classNo = 1 + Math.floor(i / 15);
    if (rnd() < 0.03) return [code, 'отсутствовал', ...TASK_MAX.map(() => null), classNo, 'нет отметки'];
    const ability = (rnd() + rnd() + rnd()) / 3;
    let total = 0;
    const scores = TASK_MAX.map((max, t) => {
      if (rnd() < 0.015) return 'X';
      const s = Math.max(0, Math.min(max, Math.floor((ability + 0.3 - t * 0.03 + (rnd() - 0.5) * 0.7) * (max + 1))));
      total += s;
      return s;
    });
    const mark = total >= SCALE.scale5 ? 5 : total >= SCALE.scale4 ? 4 : total >= SCALE.scale3 ? 3 : 2;
    const journal = rnd() < 0.04 ? 'нет отметки' : Math.min(5, Math.max(2, mark + (rnd() < 0.6 ? 0 : 1)));
    return [code, 1 + (i % 2), ...scores, classNo, journal];
  });
}

/** The downloaded blank with these rows typed into «Протокол» from row 2. */
export async function filledForm(blank: Buffer, rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(blank as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('Протокол');
  if (!ws) throw new Error('в бланке нет листа «Протокол»');
  rows.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 2, c + 1).value = v;
    }),
  );
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export interface UploadOutcome {
  status: number;
  ms: number;
  body: string;
}

/**
 * POST /api/vpr/results/:subjectId/upload with the file as multipart/form-data; `t0` is when the upload was
 * due (an open loop counts from there), by default when it is sent.
 */
export function uploadForm(
  port: number,
  s: Session,
  subjectId: string,
  bytes: Buffer,
  agent: http.Agent | false,
  t0 = performance.now(),
): Promise<UploadOutcome> {
  const boundary = `----okobench${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent('результаты.xlsx')}"\r\n` +
        'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/vpr/results/${subjectId}/upload`,
        agent,
        headers: {
          cookie: s.cookie,
          'x-csrf-token': s.csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': payload.length,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - t0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', (e) => resolve({ status: 0, ms: performance.now() - t0, body: String(e) }));
      },
    );
    req.on('error', (e) => resolve({ status: 0, ms: performance.now() - t0, body: String(e) }));
    req.end(payload);
  });
}
