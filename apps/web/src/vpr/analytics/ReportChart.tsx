import type { ReportChart as Chart } from '@oko/shared';
import {
  PERCENT,
  bandOf,
  barRects,
  centerOf,
  clip,
  labelStep,
  linePoints,
  seriesColor,
  stackedSegments,
  textOn,
  valueAxis,
  yOf,
  type Plot,
} from './chart-geometry';
import { numberText } from './report-format';

const WIDTH = 960;
const FONT = 13;

const valueText = (v: number, unit: string) =>
  `${numberText(v, unit === PERCENT ? 2 : undefined)}${unit === PERCENT ? ' %' : ''}`;

/**
 * A report's chart as inline SVG: grouped bars (tasks, planned results), lines (primary scores) or one stacked
 * bar per level (marks, the journal comparison). The legend is HTML under it so long level names wrap.
 */
export function ReportChart(props: { chart: Chart; title: string; xTitle: string | null; yTitle: string }) {
  const { chart } = props;
  const empty = chart.categories.length === 0 || chart.series.length === 0;
  return (
    <figure className="report-chart" data-testid="report-chart">
      <figcaption className="report-chart-title">{props.title}</figcaption>
      {empty ? (
        <p className="muted">Нет данных для диаграммы.</p>
      ) : chart.kind === 'stacked' ? (
        <Stacked chart={chart} title={props.title} xTitle={props.yTitle} />
      ) : (
        <Columns chart={chart} title={props.title} xTitle={props.xTitle} yTitle={props.yTitle} />
      )}
      <ul className="report-legend" aria-label="Легенда">
        {chart.series.map((s, i) => (
          <li key={`${i}-${s.name}`}>
            <span
              className={chart.kind === 'lines' ? 'report-swatch report-swatch-line' : 'report-swatch'}
              style={{ background: seriesColor(chart.kind, chart.series.length, i) }}
            />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Bars or lines over categories along x, the value along y. */
function Columns(props: { chart: Chart; title: string; xTitle: string | null; yTitle: string }) {
  const { chart } = props;
  const height = 360;
  const plot: Plot = { x0: 64, x1: WIDTH - 16, y0: 16, y1: height - (props.xTitle ? 58 : 36) };
  const values = chart.series.map((s) => s.values);
  const axis = valueAxis(Math.max(0, ...values.flat()), chart.unit);
  const n = chart.categories.length;
  const band = bandOf(n, plot);
  const longest = Math.max(...chart.categories.map((c) => c.length));
  const step = labelStep(band, longest * 7 + 6);
  const color = (s: number) => seriesColor(chart.kind, chart.series.length, s);
  return (
    <svg
      className="report-svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={`Диаграмма: ${props.title}`}
      fontSize={FONT}
    >
      {axis.ticks.map((t) => {
        const y = yOf(t, axis, plot);
        return (
          <g key={t}>
            <line x1={plot.x0} x2={plot.x1} y1={y} y2={y} className={t === 0 ? 'report-axis' : 'report-grid'} />
            <text x={plot.x0 - 6} y={y + 4} textAnchor="end" className="report-tick">
              {numberText(t)}
            </text>
          </g>
        );
      })}
      <line x1={plot.x0} x2={plot.x0} y1={plot.y0} y2={plot.y1} className="report-axis" />
      {chart.categories.map((c, i) =>
        i % step === 0 ? (
          <text key={i} x={centerOf(i, n, plot)} y={plot.y1 + 18} textAnchor="middle" className="report-tick">
            {c}
          </text>
        ) : null,
      )}
      {chart.kind === 'bars'
        ? barRects(values, n, axis, plot).map((b) => (
            <rect
              key={`${b.series}-${b.category}`}
              x={b.x}
              y={b.y}
              width={Math.max(0, b.width - 1)}
              height={b.height}
              fill={color(b.series)}
            >
              <title>
                {chart.series[b.series]!.name}, {chart.categories[b.category]}: {valueText(b.value, chart.unit)}
              </title>
            </rect>
          ))
        : chart.series.map((s, k) => {
            const pts = linePoints(s.values, n, axis, plot);
            return (
              <g key={k}>
                <polyline
                  points={pts.map((p) => `${p.x},${p.y}`).join(' ')}
                  fill="none"
                  stroke={color(k)}
                  strokeWidth={2.5}
                />
                {pts.map((p, i) => (
                  <circle key={i} cx={p.x} cy={p.y} r={band >= 12 ? 3.5 : 2.5} fill={color(k)}>
                    <title>
                      {s.name}, {chart.categories[i]}: {valueText(p.value, chart.unit)}
                    </title>
                  </circle>
                ))}
              </g>
            );
          })}
      {props.xTitle && (
        <text x={(plot.x0 + plot.x1) / 2} y={height - 8} textAnchor="middle" className="report-axis-title">
          {props.xTitle}
        </text>
      )}
      <text
        transform={`translate(16 ${(plot.y0 + plot.y1) / 2}) rotate(-90)`}
        textAnchor="middle"
        className="report-axis-title"
      >
        {props.yTitle}
      </text>
    </svg>
  );
}

/** One bar per level, its shares end to end; the value is written inside a segment wide enough for it. */
function Stacked(props: { chart: Chart; title: string; xTitle: string }) {
  const { chart } = props;
  const rowHeight = 38;
  const barHeight = 26;
  const labelWidth = 300;
  const plot: Plot = { x0: labelWidth + 12, x1: WIDTH - 20, y0: 8, y1: 8 + chart.categories.length * rowHeight };
  const height = plot.y1 + 54;
  const values = chart.series.map((s) => s.values);
  const percent = chart.unit === PERCENT;
  const sums = chart.categories.map((_, c) => values.reduce((a, s) => a + (s[c] ?? 0), 0));
  const axis = percent ? valueAxis(100, PERCENT) : valueAxis(Math.max(0, ...sums), chart.unit);
  const xOf = (v: number) => plot.x0 + (v / axis.max) * (plot.x1 - plot.x0);
  const color = (s: number) => seriesColor('stacked', chart.series.length, s);
  return (
    <svg
      className="report-svg"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={`Диаграмма: ${props.title}`}
      fontSize={FONT}
    >
      {axis.ticks.map((t) => (
        <g key={t}>
          <line x1={xOf(t)} x2={xOf(t)} y1={plot.y0} y2={plot.y1} className={t === 0 ? 'report-axis' : 'report-grid'} />
          <text x={xOf(t)} y={plot.y1 + 18} textAnchor="middle" className="report-tick">
            {numberText(t)}
          </text>
        </g>
      ))}
      {chart.categories.map((label, c) => {
        const top = plot.y0 + c * rowHeight + (rowHeight - barHeight) / 2;
        return (
          <g key={c}>
            <text x={labelWidth} y={top + barHeight / 2 + 5} textAnchor="end" className="report-category">
              <title>{label}</title>
              {clip(label, 42)}
            </text>
            {stackedSegments(values, c, axis.max, plot).map((seg) =>
              seg.width > 0 ? (
                <g key={seg.series}>
                  <rect x={seg.x} y={top} width={seg.width} height={barHeight} fill={color(seg.series)}>
                    <title>
                      {label} — {chart.series[seg.series]!.name}: {valueText(seg.value, chart.unit)}
                    </title>
                  </rect>
                  {seg.width >= 46 && (
                    <text
                      x={seg.x + seg.width / 2}
                      y={top + barHeight / 2 + 4.5}
                      textAnchor="middle"
                      className="report-segment-value"
                      fill={textOn(color(seg.series))}
                    >
                      {numberText(seg.value, 1)}
                    </text>
                  )}
                </g>
              ) : null,
            )}
          </g>
        );
      })}
      <text x={(plot.x0 + plot.x1) / 2} y={height - 8} textAnchor="middle" className="report-axis-title">
        {props.xTitle}
      </text>
    </svg>
  );
}
