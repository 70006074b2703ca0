// Figure: parsing an uploaded 1,500-row results form (30 columns) with the forms engine. The XLSX is built in
// memory by the engine's own writer, then read back seven times; the median is reported.
import { readFormXlsx } from '../apps/server/src/forms/form-xlsx-reader.ts';
import { writeFormXlsx } from '../apps/server/src/forms/form-xlsx-writer.ts';
import { sampleResultsData, sampleResultsTemplate } from '../apps/server/src/forms/sample-template.ts';

const ROWS = 1500;
const RUNS = 7;

export interface FormsParseFigures {
  rows: number;
  columns: number;
  medianMs: number;
  runs: number;
}

export async function benchFormsParse(): Promise<FormsParseFigures> {
  const template = sampleResultsTemplate(ROWS);
  const bytes = await writeFormXlsx(template, sampleResultsData(template, ROWS));

  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = await readFormXlsx(template, bytes);
    times.push(performance.now() - started);
    // a parse that refuses the file or loses rows measures nothing
    if (!result.ok) throw new Error(`разбор формы: ${result.message}`);
    if (result.data.protocol?.length !== ROWS) throw new Error(`разбор формы: ${result.data.protocol?.length} строк`);
  }
  times.sort((a, b) => a - b);
  return {
    rows: ROWS,
    columns: template.sheets[0]!.columns.length,
    medianMs: times[Math.floor(times.length / 2)]!,
    runs: RUNS,
  };
}
