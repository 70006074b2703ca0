// Results uploads over HTTP, each ОО in its own session sending a 30-row form made from the downloaded blank:
// one after another (the latency of a single upload), 1,000 ОО at the same instant (a burst: every request fired
// in one tick on connections opened beforehand), and other ОО arriving at a fixed rate (an open loop, latency
// counted from when each upload was due). Every upload is the ОО's first, as on the test day. Filling a form
// with exceljs costs the bench far more than the upload costs the server, so `distinctForms` forms are made
// and handed out in turn: every ОО's codes are 40001…, so any of them is valid for any ОО, and the server
// parses each upload anew (nothing is keyed by the file's bytes).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { httpRequest } from './lib/load.ts';
import type { Session } from './lib/materials-http.ts';
import { filledForm, getBytes, protocolRows, uploadForm, type UploadOutcome } from './results-forms.ts';

export interface LatencyStats {
  count: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** from the first request sent to the last answer */
  wallMs: number;
  /** answered uploads per second of wall time */
  perSecond: number;
  /** the first error answers, for the log */
  errorSamples: string[];
}

export interface UploadFigures {
  formRows: number;
  formKb: number;
  distinctForms: number;
  /** making one form with exceljs in the bench (not part of any figure) */
  formMakeMs: number;
  sequential: LatencyStats;
  burst: LatencyStats;
  openLoop: LatencyStats & { ratePerSec: number; why: string };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]! : Number.NaN;

function stats(outcomes: UploadOutcome[], wallMs: number): LatencyStats {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const failed = outcomes.filter((o) => o.status !== 200);
  return {
    count: outcomes.length,
    errors: failed.length,
    p50Ms: percentile(ms, 0.5),
    p95Ms: percentile(ms, 0.95),
    p99Ms: percentile(ms, 0.99),
    maxMs: ms[ms.length - 1] ?? Number.NaN,
    wallMs,
    perSecond: ((outcomes.length - failed.length) * 1000) / wallMs,
    errorSamples: failed.slice(0, 3).map((o) => `${o.status} ${o.body.slice(0, 200)}`),
  };
}

/** A connection per session, opened (over `rampMs`: the listen backlog is 511) with a GET before the clock starts. */
async function openConnections(port: number, sessions: Session[], rampMs: number): Promise<http.Agent> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sessions.length, maxFreeSockets: sessions.length });
  await Promise.all(
    sessions.map(async (s, i) => {
      await sleep((i * rampMs) / sessions.length);
      const res = await httpRequest(port, { method: 'GET', path: '/api/me', headers: { cookie: s.cookie } }, { agent });
      if (res.status !== 200) throw new Error(`GET /api/me для ${s.login}: ${res.status}`);
    }),
  );
  return agent;
}

export async function benchUploads(
  port: number,
  opts: {
    subjectId: string;
    /** sessions of ОО without results: warmup + runs + burst + openLoop.maxUploads of them */
    sessions: Session[];
    formRows: number;
    distinctForms: number;
    sequential: { warmup: number; runs: number };
    burst: number;
    /**
     * `ratePerSec` if the burst showed the server can take it; otherwise 70 % of the burst's throughput (an open
     * loop above capacity only measures its own queue). At most `maxSeconds` of arrivals.
     */
    openLoop: { maxUploads: number; ratePerSec: number; maxSeconds: number };
    log: (m: string) => void;
  },
): Promise<UploadFigures> {
  const { subjectId, sessions, log } = opts;
  const need = opts.sequential.warmup + opts.sequential.runs + opts.burst + opts.openLoop.maxUploads;
  if (sessions.length < need) throw new Error(`нужно ${need} сеансов ОО без результатов, есть ${sessions.length}`);

  const blank = await getBytes(port, sessions[0]!, `/api/vpr/results/${subjectId}/form.xlsx`);
  let seed = 1;
  const rnd = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const t1 = performance.now();
  const forms: Buffer[] = [];
  for (let i = 0; i < opts.distinctForms; i++) forms.push(await filledForm(blank, protocolRows(opts.formRows, rnd)));
  const formMakeMs = (performance.now() - t1) / forms.length;
  const formKb = forms.reduce((a, f) => a + f.length, 0) / forms.length / 1024;
  log(
    `  ${forms.length} разных форм по ${opts.formRows} строк из бланка (${formKb.toFixed(1)} КБ, ` +
      `${formMakeMs.toFixed(0)} мс на форму в exceljs)`,
  );

  let next = 0;
  const take = (n: number) => {
    const from = next;
    next += n;
    return Array.from({ length: n }, (_, i) => ({
      session: sessions[from + i]!,
      form: forms[(from + i) % forms.length]!,
    }));
  };

  // one after another, as one school's browser would send it (a kept-alive connection)
  const browser = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const sequentialOutcomes: UploadOutcome[] = [];
  let sequentialWall = 0;
  try {
    for (const u of take(opts.sequential.warmup)) {
      const w = await uploadForm(port, u.session, subjectId, u.form, browser);
      if (w.status !== 200) throw new Error(`загрузка ${u.session.login}: ${w.status} ${w.body.slice(0, 500)}`);
    }
    const started = performance.now();
    for (const u of take(opts.sequential.runs))
      sequentialOutcomes.push(await uploadForm(port, u.session, subjectId, u.form, browser));
    sequentialWall = performance.now() - started;
  } finally {
    browser.destroy();
  }
  const sequential = stats(sequentialOutcomes, sequentialWall);
  log(
    `  подряд: p50 ${sequential.p50Ms.toFixed(0)} мс, p99 ${sequential.p99Ms.toFixed(0)} мс, ошибок ${sequential.errors}`,
  );

  // the burst: all connections open, then every upload sent in one tick; latency from that tick
  const burstUploads = take(opts.burst);
  const burstAgent = await openConnections(
    port,
    burstUploads.map((u) => u.session),
    2_000,
  );
  let burst: LatencyStats;
  try {
    await sleep(500);
    const fired = performance.now();
    let answered = 0;
    const progress = setInterval(() => log(`  залп: отвечено ${answered} из ${burstUploads.length}`), 15_000);
    try {
      const outcomes = await Promise.all(
        burstUploads.map((u) =>
          uploadForm(port, u.session, subjectId, u.form, burstAgent, fired).then((o) => {
            answered++;
            return o;
          }),
        ),
      );
      burst = stats(outcomes, performance.now() - fired);
    } finally {
      clearInterval(progress);
    }
  } finally {
    burstAgent.destroy();
  }
  log(
    `  залп ${opts.burst}: p50 ${burst.p50Ms.toFixed(0)} мс, p99 ${burst.p99Ms.toFixed(0)} мс, ` +
      `${burst.perSecond.toFixed(1)} загрузок/с, ошибок ${burst.errors}`,
  );

  // the open loop: upload i is due at start + i / rate, on its own connection
  const capacity = burst.perSecond;
  const rate =
    capacity >= opts.openLoop.ratePerSec ? opts.openLoop.ratePerSec : Math.max(1, Math.floor(capacity * 0.7));
  const why =
    rate === opts.openLoop.ratePerSec
      ? 'the rate asked'
      : `70 % of the burst's ${capacity.toFixed(1)}/s: ${opts.openLoop.ratePerSec}/s is above what the server takes`;
  const count = Math.min(opts.openLoop.maxUploads, Math.round(rate * opts.openLoop.maxSeconds));
  const paced = take(count);
  const pacedAgent = await openConnections(
    port,
    paced.map((u) => u.session),
    2_000,
  );
  let openLoop: LatencyStats;
  try {
    await sleep(500);
    const start = performance.now();
    const interval = 1000 / rate;
    const outcomes = await Promise.all(
      paced.map(async (u, i) => {
        const due = start + i * interval;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        return uploadForm(port, u.session, subjectId, u.form, pacedAgent, due);
      }),
    );
    openLoop = stats(outcomes, performance.now() - start);
  } finally {
    pacedAgent.destroy();
  }
  log(`  открытая петля ${count} по ${rate}/с: p99 ${openLoop.p99Ms.toFixed(0)} мс, ошибок ${openLoop.errors}`);

  return {
    formRows: opts.formRows,
    formKb,
    distinctForms: forms.length,
    formMakeMs,
    sequential,
    burst,
    openLoop: { ...openLoop, ratePerSec: rate, why },
  };
}
