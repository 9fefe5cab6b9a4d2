/**
 * The CSS rule that paints the codes "mark codes on the page" registered as
 * the highlight `name`: a tint, not an underline (Chromium repaints every text
 * box of the page for a decorated highlight: 75 ms per update on a
 * 20,000-row table instead of 20 ms).
 *
 * Chromium implements highlight inheritance (css-pseudo-4, "highlight
 * cascade"): a rule on the root paints marked text anywhere below it, and a
 * rule on every element would give every element a style of its own. Firefox
 * does not (https://bugzilla.mozilla.org/show_bug.cgi?id=1703963): there a
 * rule on the root paints only text directly inside <html>, i.e. nothing, so
 * the Firefox build puts the rule on every element.
 */
const TINT = 'background-color: rgb(255 200 0 / 0.35); color: rgb(10 50 110);';

export function highlightRule(name: string, inherits = import.meta.env.MODE !== 'firefox'): string {
  return `${inherits ? ':root' : '*'}::highlight(${name}) { ${TINT} }`;
}

/**
 * The highlight's registry name, new for each page: nothing in it names the
 * extension or repeats across pages, so `CSS.highlights.keys()` tells a page
 * only that something marks it. A CSS ident: a letter first, then letters
 * and digits.
 */
export function randomHighlightName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const chars = `${letters}0123456789`;
  return [...bytes].map((b, i) => (i === 0 ? letters[b % 26] : chars[b % 36])).join('');
}
