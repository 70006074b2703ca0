import type { ReportTable } from '@oko/shared';
import { cellText } from './report-format';

/**
 * The report as the XLSX has it from R7 on: the difficulty of each task above its column (when the report has
 * R7), the header, and the rows — level rows and the school rows of «Индивидуальные результаты» in bold,
 * percentages with two decimals.
 */
export function ReportTableView({ table }: { table: ReportTable }) {
  const percent = new Set(table.percentColumns);
  const numeric = (c: number) => percent.has(c) || table.rows.some((r) => typeof r.cells[c] === 'number');
  const alignRight = table.header.map((_, c) => c > 0 && numeric(c));
  return (
    <div className="table-wrap report-table-wrap">
      <table className="table report-table" data-testid="report-table" aria-label={table.title}>
        <thead>
          {table.difficultyRow && (
            <tr className="report-difficulty" data-testid="report-difficulty">
              {table.header.map((_, c) => (
                <th
                  key={c}
                  className="report-difficulty-cell"
                  title={table.difficultyRow?.[c] ? 'Уровень сложности' : undefined}
                >
                  {table.difficultyRow?.[c] ?? ''}
                </th>
              ))}
            </tr>
          )}
          <tr>
            {table.header.map((h, c) => (
              <th key={c} className={alignRight[c] ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className={row.kind === 'data' ? undefined : `report-row-strong report-row-${row.kind}`}>
              {table.header.map((_, c) => (
                <td key={c} className={alignRight[c] ? 'num' : undefined}>
                  {cellText(row.cells[c] ?? null, percent.has(c))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
