import { resultsTemplate } from '@oko/shared';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readFormXlsx } from '../apps/server/src/forms/form-xlsx-reader.ts';
import { TASK_MAX } from './results-data.ts';
const t = resultsTemplate({ code: 'МА', name: 'Математика', grade: 4, variants: 2, year: 2026, tasks: TASK_MAX.map((m, i) => ({ number: String(i + 1), maxScore: m })) });
const f = fs.readFileSync('/tmp/xl/filled.xlsx');
const IGN = ['dataValidations', 'conditionalFormatting', 'extLst', 'mergeCells', 'hyperlinks', 'cols'];
for (let k = 0; k < 3; k++) {
  let a = performance.now();
  for (let i = 0; i < 20; i++) await readFormXlsx(t, f);
  const full = (performance.now() - a) / 20;
  a = performance.now();
  for (let i = 0; i < 20; i++) { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(f as unknown as ExcelJS.Buffer, { ignoreNodes: IGN }); }
  const load = (performance.now() - a) / 20;
  console.log(`readFormXlsx ${full.toFixed(1)} ms, exceljs load alone ${load.toFixed(1)} ms`);
}
