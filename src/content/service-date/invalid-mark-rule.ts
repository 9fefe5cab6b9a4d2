/**
 * How "mark codes" paints a code not valid on its row's date of service: a
 * red box with white text, over the usual yellow tint. Not a wavy underline:
 * Chromium repaints every text box of the page for a highlight that carries a
 * text decoration (see highlight-rule.ts), and this mark must cost marking no
 * more than a tenth. The box keeps 3:1 against light and dark pages alike
 * (WCAG 1.4.11), its text 4.5:1 against the box; and colour is never the only
 * cue: the tooltip says "Not valid on …" in words.
 */
export const INVALID_MARK = {
  /** The box behind the code: mid-luminance, so it stands out on white and on dark grey. */
  background: [220, 50, 60],
  text: [255, 255, 255],
} as const;

const rgb = ([r, g, b]: readonly number[]) => `rgb(${r} ${g} ${b})`;

export function invalidMarkRule(name: string, inherits = import.meta.env.MODE !== 'firefox'): string {
  return `${inherits ? ':root' : '*'}::highlight(${name}) { background-color: ${rgb(INVALID_MARK.background)}; color: ${rgb(INVALID_MARK.text)}; }`;
}
