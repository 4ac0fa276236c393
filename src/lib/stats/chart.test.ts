import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASELINE, CHART, PLOT, histogramBars, scatterDots } from './chart.ts';
import { histogram } from './review.ts';

describe('histogramBars', () => {
  it('draws the fullest bin to the top and an empty one flat on the axis', () => {
    const { bars, max } = histogramBars(histogram([95, 100, 100, 5]));
    expect(max).toBe(3);
    expect(bars).toHaveLength(10);
    const last = bars[9]!;
    expect(last.y).toBe(CHART.top);
    expect(last.y + last.height).toBe(BASELINE);
    expect(bars[5]!.height).toBe(0);
    expect(bars[0]!.height).toBeCloseTo(PLOT.height / 3);
  });

  it('keeps an empty class on a scale of 1, not dividing by zero', () => {
    const { bars, max } = histogramBars(histogram([]));
    expect(max).toBe(1);
    expect(bars.every((b) => b.height === 0 && Number.isFinite(b.x))).toBe(true);
  });

  it('property: bars stay inside the plot, side by side, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true })), (scores) => {
        const { bars } = histogramBars(histogram(scores));
        bars.forEach((bar, i) => {
          expect(bar.x).toBeGreaterThanOrEqual(CHART.left);
          expect(bar.x + bar.width).toBeLessThanOrEqual(CHART.left + PLOT.width);
          expect(bar.y).toBeGreaterThanOrEqual(CHART.top - 1e-9);
          expect(bar.y + bar.height).toBeCloseTo(BASELINE);
          if (i > 0) expect(bar.x).toBeGreaterThan(bars[i - 1]!.x + bars[i - 1]!.width);
        });
      }),
    );
  });
});

describe('scatterDots', () => {
  const item = (facility: number | null, discrimination: number | null) => ({ facility, discrimination });

  it('numbers the dots as the table does and leaves out questions without both statistics', () => {
    const dots = scatterDots([item(50, 0), item(null, 20), item(100, 100), item(0, -100)]);
    expect(dots.map((d) => d.n)).toEqual([1, 3, 4]);
    expect(dots[0]).toMatchObject({ cx: CHART.left + PLOT.width / 2, cy: CHART.top + PLOT.height / 2 });
    expect(dots[1]).toMatchObject({ cx: CHART.left + PLOT.width, cy: CHART.top });
    expect(dots[2]).toMatchObject({ cx: CHART.left, cy: BASELINE });
  });
});
