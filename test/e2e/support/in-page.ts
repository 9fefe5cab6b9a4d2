/**
 * Functions that run inside a web page (handed to Playwright's or puppeteer's
 * evaluate, which send their source): self-contained, no imports, no closures.
 */

// The tooltip's own elements are in a closed shadow root that page script
// cannot enter: read them with closed-tooltip.ts (Chromium) or
// firefox-closed-tooltip.ts (Firefox), never from here.

/**
 * The background colour the page's marked-code highlights paint on `selector`'s
 * text, as the browser computes it (a ::highlight rule that does not reach the
 * element paints nothing: transparent).
 */
export function highlightPaint(selector: string): string[] {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return [...CSS.highlights.keys()].map((name) => getComputedStyle(el, `::highlight(${name})`).backgroundColor);
}
