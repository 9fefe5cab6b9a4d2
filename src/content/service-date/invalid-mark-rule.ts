/**
 * How "mark codes" paints a code not valid on its row's date of service: a
 * wavy underline on a pale red box of its own, over the usual tint. Colour
 * is never the only cue (the tooltip says why in words), and the mark keeps
 * 3:1 against any page (WCAG 1.4.11): the underline against its own box and
 * against a light page, the box against a dark page.
 */
export const INVALID_MARK = {
  /** The box behind the code. */
  background: [255, 214, 214],
  /** The underline and the code's text. */
  line: [160, 0, 24],
} as const;

const rgb = ([r, g, b]: readonly number[]) => `rgb(${r} ${g} ${b})`;

export function invalidMarkRule(name: string, inherits = import.meta.env.MODE !== 'firefox'): string {
  const style = `background-color: ${rgb(INVALID_MARK.background)}; color: ${rgb(INVALID_MARK.line)}; text-decoration: underline wavy ${rgb(INVALID_MARK.line)};`;
  return `${inherits ? ':root' : '*'}::highlight(${name}) { ${style} }`;
}
