/** Geometry of a simple horizontal bar chart (SVG units), computed once so components only draw. */
export interface BarLayout<T> {
  width: number;
  height: number;
  labelX: number;
  barX: number;
  bars: (T & { y: number; textY: number; barWidth: number; valueX: number })[];
}

export function layoutBars<T extends { percent: number }>(rows: readonly T[], opts = { rowHeight: 44, labelWidth: 230, barSpace: 250, valueSpace: 170 }): BarLayout<T> {
  const { rowHeight, labelWidth, barSpace, valueSpace } = opts;
  return {
    width: labelWidth + barSpace + valueSpace,
    height: rows.length * rowHeight + 8,
    labelX: labelWidth - 8,
    barX: labelWidth,
    bars: rows.map((r, i) => {
      const y = i * rowHeight + 8;
      const barWidth = Math.round((r.percent / 100) * barSpace * 10) / 10;
      return { ...r, y, textY: y + 22, barWidth, valueX: labelWidth + barWidth + 8 };
    }),
  };
}
