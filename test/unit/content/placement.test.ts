import { describe, expect, it } from 'vitest';
import { GAP, MARGIN, placeTooltip } from '../../../src/content/tooltip/placement';

const viewport = { width: 1000, height: 700 };
const size = { width: 360, height: 240 };
const code = (left: number, top: number) => ({ left, top, width: 44, height: 18 });

describe('placeTooltip', () => {
  it('puts the tooltip below the code, aligned with its left edge', () => {
    expect(placeTooltip(code(100, 100), size, viewport)).toEqual({ left: 100, top: 118 + GAP, maxHeight: 700 - MARGIN - 118 - GAP, side: 'below' });
  });

  it('flips above the code when there is no room below', () => {
    const p = placeTooltip(code(100, 600), size, viewport);
    expect(p.side).toBe('above');
    expect(p.top + size.height).toBe(600 - GAP);
  });

  it('shifts left to stay inside the viewport', () => {
    expect(placeTooltip(code(900, 100), size, viewport).left).toBe(1000 - MARGIN - 360);
    expect(placeTooltip(code(-30, 100), size, viewport).left).toBe(MARGIN);
  });

  it('takes the larger side and caps the height when neither fits', () => {
    const tall = { width: 360, height: 900 };
    const p = placeTooltip(code(100, 250), tall, viewport);
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(700 - MARGIN - 268 - GAP);
    const q = placeTooltip(code(100, 500), tall, viewport);
    expect(q).toMatchObject({ side: 'above', top: MARGIN, maxHeight: 500 - GAP - MARGIN });
  });
});
