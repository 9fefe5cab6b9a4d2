/**
 * A PDF's text as a reader sees it. pdf.js cuts a line into runs its own way
 * ("E13" + "92" where the font changes, a code and each modifier in runs of
 * their own in a table) and in content-stream order, which need not be the
 * order on the page. Runs are grouped into lines by where they sit, put in
 * order from left to right, and joined: touching runs as one word, runs with
 * a gap between them with one space. Pure geometry, no DOM: the text layer
 * (text-layer-order.ts) and the whole-document scan (document-text.ts) use
 * the same rule, so the codes a hover finds are the codes the list counts.
 */

export interface Run<T> {
  text: string;
  /** The run's box, in any unit shared by all runs of a page, y growing downwards. */
  left: number;
  top: number;
  width: number;
  height: number;
  ref: T;
}

export interface VisualLine<T> {
  /** The runs in order from left to right. */
  runs: Run<T>[];
  /** For each run after the first: whether a space goes before it (a gap, and neither side has one). */
  spaceBefore: boolean[];
  text: string;
}

/** Two runs share a line when their boxes overlap vertically by more than this share of the smaller height. */
const SAME_LINE = 0.5;
/** A gap wider than this share of the text height separates words (a space is about a quarter em). */
const WORD_GAP = 0.15;

const mid = (r: Run<unknown>) => r.top + r.height / 2;

function overlap(a: { top: number; height: number }, b: { top: number; height: number }): number {
  return Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
}

/** Lines from top to bottom. Runs without text are dropped. */
export function visualLines<T>(runs: readonly Run<T>[]): VisualLine<T>[] {
  const sorted = runs.filter((r) => r.text.length > 0).sort((a, b) => mid(a) - mid(b) || a.left - b.left);
  const bands: { top: number; height: number; runs: Run<T>[] }[] = [];
  for (const run of sorted) {
    // The band is the first run's box: a tall run (a big heading) does not swallow its neighbours' lines.
    const band = bands.at(-1);
    if (band && overlap(band, run) > SAME_LINE * Math.min(band.height, run.height || band.height)) band.runs.push(run);
    else bands.push({ top: run.top, height: run.height, runs: [run] });
  }
  return bands.map((band) => joinLine(band.runs.sort((a, b) => a.left - b.left)));
}

function joinLine<T>(runs: Run<T>[]): VisualLine<T> {
  const spaceBefore: boolean[] = [];
  let text = runs[0]!.text;
  let right = runs[0]!.left + runs[0]!.width;
  for (let i = 1; i < runs.length; i++) {
    const run = runs[i]!;
    const gap = run.left - right;
    const space = gap > WORD_GAP * Math.max(run.height, runs[i - 1]!.height) && !/\s$/.test(text) && !/^\s/.test(run.text);
    spaceBefore.push(space);
    text += (space ? ' ' : '') + run.text;
    right = Math.max(right, run.left + run.width);
  }
  return { runs, spaceBefore, text };
}
