import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import {
  individualCells,
  individualDifficultyRow,
  individualGroupCells,
  individualHeader,
  individualParticipants,
  REPORT_TITLES,
  reportHeading,
  reportSheetName,
  type IndividualRow,
  type IndividualSchool,
  type ReportSubject,
} from '@oko/shared';
import { newReportSheet, writeReportFrame, writeReportRow } from './report-xlsx.ts';

export interface IndividualXlsxMeta {
  /** R6, dd.mm.yyyy */
  date: string;
  computedAt: Date;
}

export interface IndividualXlsxWriter {
  /** Writes the school's group row and its pupils; resolves once the file has taken them. */
  addSchool(school: IndividualSchool, rows: readonly IndividualRow[]): Promise<void>;
  /** Closes the sheet and the file. */
  finish(): Promise<void>;
  /** Stops writing after a failure; the partial file is the caller's to delete. */
  abort(error: Error): void;
}

/** Widths for the fixed columns (login, municipality, school name, code, class, variant), then tasks and marks. */
const widthsFor = (header: readonly string[]) =>
  header.map((h, i) => [12, 24, 40, 14, 7, 14][i] ?? Math.max(8, Math.min(16, h.length + 2)));

/** Above this many bytes waiting in the file stream the writer lets the disk catch up. */
const HIGH_WATER = 8 * 1024 * 1024;

/**
 * «Индивидуальные результаты» streamed to a file: the exceljs streaming writer commits each row as it is added, and
 * after every school the writer waits until the file stream has drained, so a region's hundred thousand pupils
 * never sit in memory at once. Same R1–R8 as every other report.
 */
export async function openIndividualXlsx(
  path: string,
  subject: ReportSubject,
  meta: IndividualXlsxMeta,
): Promise<IndividualXlsxWriter> {
  const file = createWriteStream(path);
  const opened = once(file, 'open');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'ОКО';
  await opened;
  const header = individualHeader(subject);
  const widths = widthsFor(header);
  const ws = newReportSheet(wb, reportSheetName(subject.code, subject.grade, 'individual'), widths);
  writeReportFrame(
    ws,
    {
      title: REPORT_TITLES.individual,
      heading: reportHeading(subject),
      subjectName: subject.name,
      maxScore: subject.maxScore,
      date: meta.date,
      computedAt: meta.computedAt.toISOString(),
    },
    individualDifficultyRow(subject),
    header,
  );
  const none = new Set<number>();
  const tasks = subject.tasks.length;
  let failed: Error | null = null;
  file.on('error', (e) => (failed = e));

  return {
    async addSchool(school, rows) {
      if (failed) throw failed;
      const group = individualGroupCells(school, individualParticipants(rows), 2);
      writeReportRow(ws, { kind: 'group', cells: group }, none, widths);
      for (const r of rows) writeReportRow(ws, { kind: 'data', cells: individualCells(r, tasks) }, none, widths);
      // the zip deflates asynchronously: give it a turn, then wait for the disk if it is behind
      await new Promise((resolve) => setImmediate(resolve));
      if (file.writableLength > HIGH_WATER) await once(file, 'drain');
    },
    async finish() {
      if (failed) throw failed;
      ws.commit();
      const closed = once(file, 'close');
      await wb.commit();
      await closed;
    },
    abort(error) {
      file.destroy(error);
    },
  };
}
