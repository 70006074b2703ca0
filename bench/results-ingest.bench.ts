// Bulk ingestion of results beside PostgreSQL's COPY: the same participant rows written the way the server
// accepts a form (ResultsRepository.accept per ОО, one transaction each: advisory lock, the version row with the
// form JSON, delete + unnest insert of the rows, summary upsert, working copy upsert) and by one
// `COPY … FROM STDIN` through psql (the rows and the same ОО's summaries, one transaction). The rows are
// those the generator wrote for the first ОО of the country, read back; results and summaries are computed
// before the clock starts, so both sides time the database alone.
import { RESULTS_SHEET, summarize, taskKey, type ParticipantResult, type ResultsAggregate } from '@oko/shared';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../apps/server/src/db/schema.ts';
import { ResultsRepository } from '../apps/server/src/results/results.repository.ts';
import { pool } from './lib/materials-http.ts';
import { MAX_SCORE, resultsOf, TASK_MAX } from './results-data.ts';

export interface IngestFigures {
  orgs: number;
  rows: number;
  /** accept path, one connection, ОО after ОО */
  acceptSeconds: number;
  acceptRowsPerSecond: number;
  /** accept path, `parallel` connections (as concurrent uploads would use the server's pool) */
  parallel: number;
  acceptParallelSeconds: number;
  acceptParallelRowsPerSecond: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  /** COPY rows/s ÷ accept rows/s (one connection each) */
  copyOverAccept: number;
}

interface OrgBatch {
  orgId: string;
  results: ParticipantResult[];
  summary: ResultsAggregate;
  data: string;
}

/** The form rows the service keeps as the version's JSON, rebuilt from a stored result. */
function formRow(r: ParticipantResult): Record<string, unknown> {
  const row: Record<string, unknown> = { code: r.code, variant: r.variant === null ? 'отсутствовал' : r.variant };
  TASK_MAX.forEach((_, i) => (row[taskKey(i)] = r.scores ? (r.scores[i] ?? 'X') : null));
  row.classNo = r.classNo;
  row.journal = r.journal ?? 'нет отметки';
  row.total = r.total;
  return row;
}

const copyValue = (v: number | string | null) => (v === null ? '\\N' : String(v));

function copyText(subjectId: string, batches: OrgBatch[], now: string): { results: string; summaries: string } {
  const results: string[] = [];
  const summaries: string[] = [];
  const arr = (xs: readonly number[]) => `{${xs.join(',')}}`;
  for (const b of batches) {
    for (const r of b.results) {
      results.push(
        [
          subjectId,
          b.orgId,
          r.code,
          copyValue(r.classNo),
          copyValue(r.variant),
          r.scores ? arr(r.scores.map((s) => s ?? -1)) : '\\N',
          copyValue(r.total),
          copyValue(r.mark),
          copyValue(r.journal),
        ].join('\t'),
      );
    }
    const s = b.summary;
    summaries.push(
      [
        subjectId,
        b.orgId,
        s.participants,
        s.absent,
        ...s.marks,
        s.journal.lower,
        s.journal.same,
        s.journal.higher,
        arr(s.histogram),
        arr(s.taskPoints),
        ...s.taskPointsByMark.map(arr),
        1,
        now,
        now,
        'f',
      ].join('\t'),
    );
  }
  return { results: results.join('\n') + '\n', summaries: summaries.join('\n') + '\n' };
}

/** Runs psql on `url` with the two COPY commands, feeding both data sets through its stdin. */
function psqlCopy(url: string, data: { results: string; summaries: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'psql',
      [
        url,
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-1',
        '-c',
        'COPY results (subject_id, org_id, code, class_no, variant, scores, total, mark, journal) FROM STDIN',
        '-c',
        'COPY results_summary (subject_id, org_id, participants, absent, m2, m3, m4, m5, j_lower, j_same, j_higher, ' +
          'histogram, task_points, task_points_m2, task_points_m3, task_points_m4, task_points_m5, upload_number, ' +
          'first_uploaded_at, uploaded_at, late) FROM STDIN',
      ],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql COPY: код ${code}: ${err}`))));
    child.stdin.on('error', reject);
    child.stdin.write(data.results);
    child.stdin.write('\\.\n');
    child.stdin.write(data.summaries);
    child.stdin.end('\\.\n');
  });
}

export async function benchIngest(
  db: Kysely<DB>,
  opts: {
    databaseUrl: string;
    /** ОО whose generated rows are reused, in order; taken until `rows` is reached */
    orgs: { orgId: string; pupils: number }[];
    sourceSubjectId: string;
    acceptSubjectId: string;
    parallelSubjectId: string;
    copySubjectId: string;
    rows: number;
    parallel: number;
    userId: string;
    log: (m: string) => void;
  },
): Promise<IngestFigures> {
  const picked: string[] = [];
  let rows = 0;
  for (const o of opts.orgs) {
    if (rows >= opts.rows) break;
    picked.push(o.orgId);
    rows += o.pupils;
  }
  const stored = new Map<string, ParticipantResult[]>();
  for (let i = 0; i < picked.length; i += 2_000) {
    const part = await resultsOf(db, opts.sourceSubjectId, picked.slice(i, i + 2_000));
    for (const [k, v] of part) stored.set(k, v);
  }
  const batches: OrgBatch[] = picked.map((orgId) => {
    const results = stored.get(orgId)!;
    return {
      orgId,
      results,
      summary: summarize(results, TASK_MAX.length, MAX_SCORE),
      data: JSON.stringify({ [RESULTS_SHEET]: results.map(formRow) }),
    };
  });
  rows = batches.reduce((a, b) => a + b.results.length, 0);
  opts.log(`  загрузка: ${rows.toLocaleString('ru-RU')} строк ${batches.length} ОО, путь accept по одной ОО…`);

  const repo = new ResultsRepository(db);
  const acceptOne = (subjectId: string, b: OrgBatch) =>
    db.transaction().execute(async (trx) => {
      await repo.lock(trx, subjectId, b.orgId);
      await repo.accept(trx, {
        subjectId,
        orgId: b.orgId,
        userId: opts.userId,
        source: 'xlsx',
        data: b.data,
        results: b.results,
        summary: b.summary,
        late: false,
        now: new Date(),
      });
    });

  const t0 = performance.now();
  for (const b of batches) await acceptOne(opts.acceptSubjectId, b);
  const acceptSeconds = (performance.now() - t0) / 1000;
  opts.log(`  accept, одно соединение: ${acceptSeconds.toFixed(1)} с; то же на ${opts.parallel} соединениях…`);

  const t1 = performance.now();
  await pool(batches, opts.parallel, (b) => acceptOne(opts.parallelSubjectId, b));
  const acceptParallelSeconds = (performance.now() - t1) / 1000;
  opts.log(`  accept, ${opts.parallel} соединения: ${acceptParallelSeconds.toFixed(1)} с; COPY…`);

  const text = copyText(opts.copySubjectId, batches, new Date().toISOString());
  const t2 = performance.now();
  await psqlCopy(opts.databaseUrl, text);
  const copySeconds = (performance.now() - t2) / 1000;

  // all three hold the same rows
  const check = await sql<{ subject_id: string; n: number; total: number }>`
    SELECT subject_id::text, count(*)::int AS n, coalesce(sum(total), 0)::int AS total FROM results
    WHERE subject_id = ANY(${[opts.acceptSubjectId, opts.parallelSubjectId, opts.copySubjectId]}::uuid[])
    GROUP BY subject_id`.execute(db);
  const sums = new Set(check.rows.map((r) => `${r.n}/${r.total}`));
  if (check.rows.length !== 3 || sums.size !== 1 || check.rows[0]!.n !== rows)
    throw new Error(`загрузки разошлись: ${JSON.stringify(check.rows)} (ожидалось ${rows} строк)`);

  const acceptRowsPerSecond = rows / acceptSeconds;
  const copyRowsPerSecond = rows / copySeconds;
  return {
    orgs: batches.length,
    rows,
    acceptSeconds,
    acceptRowsPerSecond,
    parallel: opts.parallel,
    acceptParallelSeconds,
    acceptParallelRowsPerSecond: rows / acceptParallelSeconds,
    copySeconds,
    copyRowsPerSecond,
    copyOverAccept: copyRowsPerSecond / acceptRowsPerSecond,
  };
}
