/**
 * Pure: no DOM, no framework.
 *
 * Where the review page's two charts put their marks, in SVG user units: the bars of the score
 * histogram (`histogramBars`, from `histogram` in ./review.ts) and the dots of the facility and
 * discrimination scatter plot (`scatterDots`, from the item analysis). The components draw what
 * these return, so the geometry is tested here rather than in a browser.
 */
import type { Bin } from './review.ts';

/** Both charts share one frame: a 600 × 260 view box with room for the axis labels. */
export const CHART = { width: 600, height: 260, left: 48, right: 16, top: 16, bottom: 40 } as const;
/** The plotting area inside the margins. */
export const PLOT = {
  width: CHART.width - CHART.left - CHART.right,
  height: CHART.height - CHART.top - CHART.bottom,
} as const;
/** The x axis: the bottom of the plotting area. */
export const BASELINE = CHART.top + PLOT.height;

export interface Bar extends Bin {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the bin's lower edge is written under the axis. */
  labelX: number;
}

/** One bar a bin, the tallest reaching the top; 2 units of space on each side of a bar. */
export function histogramBars(bins: readonly Bin[]): { bars: Bar[]; max: number } {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const slot = PLOT.width / Math.max(1, bins.length);
  const bars = bins.map((bin, i) => {
    const height = (bin.count / max) * PLOT.height;
    return {
      ...bin,
      x: CHART.left + i * slot + 2,
      y: BASELINE - height,
      width: slot - 4,
      height,
      labelX: CHART.left + i * slot + slot / 2,
    };
  });
  return { bars, max };
}

export interface Dot<T> {
  item: T;
  /** The question's number in the table (1-based). */
  n: number;
  cx: number;
  cy: number;
}

/**
 * One dot a question that has both statistics: facility 0 to 100 % left to right, discrimination
 * −100 to 100 % bottom to top (0 on the middle line). The others (fewer than two students) have none.
 */
export function scatterDots<T extends { facility: number | null; discrimination: number | null }>(
  items: readonly T[],
): Dot<T>[] {
  return items.flatMap((item, index) =>
    item.facility === null || item.discrimination === null
      ? []
      : [
          {
            item,
            n: index + 1,
            cx: CHART.left + (item.facility / 100) * PLOT.width,
            cy: CHART.top + PLOT.height / 2 - (item.discrimination / 100) * (PLOT.height / 2),
          },
        ],
  );
}
