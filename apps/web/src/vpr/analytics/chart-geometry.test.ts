import { describe, expect, it } from 'vitest';
import {
  barRects,
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
import { cellText, numberText } from './report-format';

const plot: Plot = { x0: 50, x1: 950, y0: 10, y1: 310 };

describe('ось значений', () => {
  it('округляет верх оси до круглого шага и не выходит за 100 %', () => {
    expect(valueAxis(87.5, '%')).toEqual({ max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(valueAxis(37, '%')).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(valueAxis(100, '%').max).toBe(100);
    expect(valueAxis(3.2, '%')).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
  });

  it('даёт целую ось и пустой диаграмме', () => {
    expect(valueAxis(0, '%')).toEqual({ max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(valueAxis(0, 'чел.').max).toBe(1);
    expect(valueAxis(Number.NaN, '%').max).toBe(100);
  });

  it('ставит 0 на низ области, максимум — на верх, и не выходит за границы', () => {
    const axis = valueAxis(100, '%');
    expect(yOf(0, axis, plot)).toBe(310);
    expect(yOf(100, axis, plot)).toBe(10);
    expect(yOf(50, axis, plot)).toBe(160);
    expect(yOf(150, axis, plot)).toBe(10);
    expect(yOf(-5, axis, plot)).toBe(310);
  });
});

describe('столбцы и линии', () => {
  it('кладёт столбцы серий рядом внутри полосы категории, не залезая в соседнюю', () => {
    const axis = valueAxis(100, '%');
    const bars = barRects(
      [
        [50, 100],
        [25, 0],
      ],
      2,
      axis,
      plot,
    );
    expect(bars).toHaveLength(4);
    const band = 450;
    for (const b of bars) {
      expect(b.x).toBeGreaterThanOrEqual(plot.x0 + b.category * band);
      expect(b.x + b.width).toBeLessThanOrEqual(plot.x0 + (b.category + 1) * band + 1e-9);
      expect(b.y + b.height).toBeCloseTo(plot.y1);
    }
    const first = bars.find((b) => b.series === 0 && b.category === 0)!;
    const second = bars.find((b) => b.series === 1 && b.category === 0)!;
    expect(second.x).toBeCloseTo(first.x + first.width);
    expect(first.height).toBeCloseTo(150);
    expect(bars.find((b) => b.series === 0 && b.category === 1)!.height).toBeCloseTo(300);
    expect(bars.find((b) => b.series === 1 && b.category === 1)!.height).toBe(0);
  });

  it('ставит точки линии в центры категорий', () => {
    const pts = linePoints([0, 50, 100], 3, valueAxis(100, '%'), plot);
    expect(pts.map((p) => p.x)).toEqual([200, 500, 800]);
    expect(pts.map((p) => p.y)).toEqual([310, 160, 10]);
  });

  it('пропускает подписи категорий, когда они не помещаются', () => {
    expect(labelStep(40, 18)).toBe(1);
    expect(labelStep(10, 18)).toBe(2);
    expect(labelStep(5, 18)).toBe(4);
    expect(labelStep(0, 18)).toBe(1);
  });
});

describe('составная полоса', () => {
  it('доли одной строки укладываются встык и заполняют область на 100 %', () => {
    const series = [[10], [20], [30], [40]];
    const segs = stackedSegments(series, 0, 100, plot);
    expect(segs.map((s) => s.width)).toEqual([90, 180, 270, 360]);
    expect(segs[0]!.x).toBe(plot.x0);
    for (let i = 1; i < segs.length; i += 1) expect(segs[i]!.x).toBeCloseTo(segs[i - 1]!.x + segs[i - 1]!.width);
    const last = segs[segs.length - 1]!;
    expect(last.x + last.width).toBeCloseTo(plot.x1);
  });

  it('строка с округлением больше 100 не вылезает за область, пустая строка — пустая', () => {
    const over = stackedSegments([[33.34], [33.34], [33.34]], 0, 100, plot);
    const end = over[2]!.x + over[2]!.width;
    expect(end).toBeLessThanOrEqual(plot.x1 + 1e-9);
    const empty = stackedSegments([[0], [0]], 0, 100, plot);
    expect(empty.every((s) => s.width === 0)).toBe(true);
  });
});

describe('подписи и цвета', () => {
  it('обрезает длинную подпись многоточием', () => {
    expect(clip('Калининград', 20)).toBe('Калининград');
    expect(clip('МБОУ «Средняя общеобразовательная школа №1»', 12)).toBe('МБОУ «Средн…');
  });

  it('раскрашивает отметки от красного к зелёному, уровни — разными цветами', () => {
    expect(seriesColor('stacked', 4, 0)).not.toBe(seriesColor('stacked', 4, 3));
    const levels = [0, 1, 2, 3].map((i) => seriesColor('bars', 4, i));
    expect(new Set(levels).size).toBe(4);
  });

  it('подписывает светлую заливку тёмным, тёмную — белым', () => {
    expect(textOn('#2e7d32')).toBe('#ffffff');
    expect(textOn('#1f56b3')).toBe('#ffffff');
    expect(textOn('#e6a23c')).toBe('#1b1f27');
    expect(textOn('#8cc084')).toBe('#1b1f27');
  });

  it('пишет проценты с двумя знаками через запятую', () => {
    expect(numberText(12.3456, 2)).toBe('12,35');
    expect(cellText(12.3, true)).toBe('12,30');
    expect(cellText(100, true)).toBe('100,00');
    expect(cellText(24, false)).toBe('24');
    expect(cellText(2.5, false)).toBe('2,5');
    expect(cellText(null, true)).toBe('');
    expect(cellText('отсутствовал', false)).toBe('отсутствовал');
  });
});
