import { describe, expect, it } from 'vitest';
import { scanCodes } from '../../../src/hcpcs/code-scan';
import { visualLines, type Run } from '../../../src/pdf-viewer/visual-lines';

/** A run of 10-point text; `width` as Helvetica would give it, roughly. */
const run = (text: string, left: number, top: number, width = text.length * 5.5, height = 10): Run<string> => ({ text, left, top, width, height, ref: text });
const texts = (runs: Run<string>[]) => visualLines(runs).map((l) => l.text);

describe('visualLines', () => {
  it('joins a code split over two touching runs into one word', () => {
    const lines = visualLines([run('E13', 100, 50, 16.5), run('92', 116.5, 50.4, 11)]);
    expect(lines.map((l) => l.text)).toEqual(['E1392']);
    expect(lines[0]!.spaceBefore).toEqual([false]);
  });

  it('puts a table’s cells in the order they are seen, whatever order the file lists them in, one space apart', () => {
    // Column by column, as some report writers emit them.
    const cells = [run('E1392', 200, 120), run('J1100', 200, 138), run('RR', 260, 120), run('KX', 305, 120), run('CLM-1001', 40, 120), run('CLM-1002', 40, 138)];
    expect(texts(cells)).toEqual(['CLM-1001 E1392 RR KX', 'CLM-1002 J1100']);
    const codes = scanCodes(texts(cells)[0]!);
    expect(codes.map((c) => [c.code, c.modifiers.map((m) => m.code)])).toEqual([['E1392', ['RR', 'KX']]]);
  });

  it('keeps the lines of a table apart even when rows are close, and orders them top to bottom', () => {
    expect(texts([run('second', 10, 22), run('first', 10, 10), run('third', 10, 34)])).toEqual(['first', 'second', 'third']);
  });

  it('does not double a space the text already has, and adds none between touching runs', () => {
    expect(texts([run('Modifiers: ', 10, 10, 55), run('GA', 70, 10), run('and', 84, 10)])).toEqual(['Modifiers: GA and']);
    expect(texts([run('E1392', 10, 10, 27.5), run('-RR', 37.5, 10)])).toEqual(['E1392-RR']);
  });

  it('reads runs of different sizes on one baseline as one line (a bold code in a smaller row)', () => {
    expect(texts([run('E0601', 10, 10, 30, 12), run('RR', 50, 11, 10, 9)])).toEqual(['E0601 RR']);
  });

  it('drops runs without text and gives no lines for none', () => {
    expect(texts([run('', 10, 10)])).toEqual([]);
    expect(texts([])).toEqual([]);
  });
});
