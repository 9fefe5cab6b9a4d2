/**
 * Where the top and bottom of the screen fall in a long text shown as it is
 * written (a whole EDI file in one `<pre>`): worked out from its lines,
 * every one as tall as the next, instead of by caret hit tests, which cost
 * Chromium time in proportion to the text's lines (3–10 ms at each update in
 * a 20,000-line file). Only where that holds: the text alone in its element,
 * and `white-space: pre`, so each line of the text is one line on screen.
 * A line or two off matters little: the marker takes a screen more on each
 * side (viewport-text.ts spanNear).
 */

/** Where each line starts, per text, for as long as its text stays the same. */
const lineStarts = new WeakMap<Text, { data: string; starts: number[] }>();

function startsOf(node: Text): number[] {
  const data = node.data;
  const known = lineStarts.get(node);
  if (known?.data === data) return known.starts;
  const starts = [0];
  // A final line break ends the last line; it starts no line of its own.
  for (let at = data.indexOf('\n'); at !== -1 && at < data.length - 1; at = data.indexOf('\n', at + 1)) starts.push(at + 1);
  lineStarts.set(node, { data, starts });
  return starts;
}

/** The text offsets at the screen's `top` and `bottom` (viewport y), or undefined where the lines cannot be worked out. */
export function preOffsets(node: Text, top: number, bottom: number): [number, number] | undefined {
  const el = node.parentElement;
  if (!el || el.childNodes.length !== 1) return undefined;
  const style = getComputedStyle(el);
  if (style.whiteSpace !== 'pre') return undefined;
  const starts = startsOf(node);
  const padTop = parseFloat(style.paddingTop) || 0;
  const lineHeight = (el.scrollHeight - padTop - (parseFloat(style.paddingBottom) || 0)) / starts.length;
  if (!(lineHeight > 0)) return undefined;
  // The first line's top: the element's, inside its border and padding, less its own scroll.
  const firstLine = el.getBoundingClientRect().top + (parseFloat(style.borderTopWidth) || 0) + padTop - el.scrollTop;
  const at = (y: number) => starts[Math.min(starts.length - 1, Math.max(0, Math.floor((y - firstLine) / lineHeight)))]!;
  return [at(top), at(bottom)];
}
