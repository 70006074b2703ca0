import { resultsTemplate, RESULTS_SHEET } from '@oko/shared';
import { performance } from 'node:perf_hooks';
import { writeFormXlsx } from '../apps/server/src/forms/form-xlsx-writer.ts';
import { readFormXlsx } from '../apps/server/src/forms/form-xlsx-reader.ts';
import { filledForm, protocolRows } from './results-forms.ts';
import { TASK_MAX } from './results-data.ts';
const t = resultsTemplate({ code: 'МА', name: 'Математика', grade: 4, variants: 2, year: 2026, tasks: TASK_MAX.map((m, i) => ({ number: String(i + 1), maxScore: m })) });
let a = performance.now();
const blank = await writeFormXlsx(t, { [RESULTS_SHEET]: [] });
console.log('blank', blank.length, (performance.now() - a).toFixed(0));
let seed = 1; const rnd = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
const forms: Buffer[] = [];
a = performance.now();
for (let i = 0; i < 10; i++) forms.push(await filledForm(blank, protocolRows(30, rnd)));
console.log('fill ms/form', ((performance.now() - a) / 10).toFixed(0), forms[0]!.length);
for (let k = 0; k < 3; k++) {
  a = performance.now();
  for (const f of forms) { const r = await readFormXlsx(t, f); if (!r.ok) console.log(r); }
  console.log('read ms/form', ((performance.now() - a) / forms.length).toFixed(1));
}
