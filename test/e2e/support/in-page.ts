/**
 * Functions that run inside a web page (handed to Playwright's or puppeteer's
 * evaluate, which send their source): self-contained, no imports, no closures.
 */

/** How many elements of the page host the extension's tooltip (it inserts one at most). */
export function countTooltipHosts(): number {
  return [...document.querySelectorAll('*')].filter((e) => e.shadowRoot?.querySelector('[role="tooltip"]')).length;
}

/** The text of the extension's tooltip when it is shown, else false. */
export function shownTooltipText(): string | false {
  for (const el of document.querySelectorAll('*')) {
    const tip = el.shadowRoot?.querySelector<HTMLElement>('[role="tooltip"]');
    if (tip && !tip.hidden) return tip.innerText;
  }
  return false;
}

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
