/**
 * One pipeline (issue 11): on every fixture page, and on a generated page
 * mixing every context, the tokens "mark codes" marks are exactly the tokens
 * whose hover shows a tooltip (form fields aside: a highlight cannot reach
 * into a field's value). On modifier lists as policy articles, supplier
 * manuals and payer guides write them, at least 90 % of the standalone
 * modifiers are explained; on the decoy pages (addresses, lab reports,
 * acronyms) nothing is. The figures are printed.
 */
import { STATE_TIMEOUT_MS } from './support/wait';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAST } from './support/extension-page';
import { openPopup } from './support/extension-pages';
import { useExtension } from './support/extension-session';
import { pointAway, tooltipOf } from './support/page-tools';
import { pageTokens, type PageToken } from './support/page-tokens';
import { mixedContextsPage } from './support/mixed-contexts-page';

const EXPECTED = JSON.parse(readFileSync(new URL('../fixtures/modifier-lists/expected.json', import.meta.url), 'utf8')) as { pages: Record<string, string[]> };
const LISTS = Object.keys(EXPECTED.pages).map((p) => `modifier-lists/${p}`);
const DECOYS = ['decoys/provider-directory.html', 'decoys/lab-report.html', 'decoys/remittance-notes.html'];
const OTHERS = ['policy-article.html', 'claims-table.html', 'remittance.html', 'edi-viewer.html', 'generated/mixed-contexts.html'];

const e2e = useExtension({ settings: { ...FAST, markCodes: true }, pages: { '/generated/mixed-contexts.html': mixedContextsPage() } });
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
  // Tall enough that every fixture is on screen: marking is lazy, and a hover needs the token in view.
  await page.setViewportSize({ width: 1280, height: 2600 });
});

/**
 * What the user sees when resting on a token: the tooltip's text, or nothing.
 * A marked token's tooltip is waited for as long as a busy machine may need;
 * for an unmarked one, well past the dwell (50 ms) and a warm worker's answer.
 */
async function hoverShows(token: PageToken): Promise<string | undefined> {
  await page.mouse.move(token.x - 2, token.y);
  await page.mouse.move(token.x, token.y);
  const shown = await tooltipOf(page)
    .waitFor({ state: 'visible', timeout: token.marked ? STATE_TIMEOUT_MS : 700 })
    .then(() => true)
    .catch(() => false);
  if (!shown) return undefined;
  const text = await tooltipOf(page).innerText();
  await pointAway(page);
  return text;
}

interface PageResult {
  tokens: PageToken[];
  hovered: Map<PageToken, string | undefined>;
}

const results = new Map<string, PageResult>();

/** Opens a page, waits for marking to settle, then hovers every token on it. */
async function visit(path: string): Promise<PageResult> {
  const cached = results.get(path);
  if (cached) return cached;
  await page.goto(e2e.server.url(path));
  await page.bringToFront();
  // Marking has settled when two reads a frame apart agree and the page has been marked once.
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify((await page.evaluate(pageTokens)).map((t) => t.marked));
      const same = now === last;
      last = now;
      return same;
    }, { timeout: 15_000, interval: 300 })
    .toBe(true);
  const tokens = await page.evaluate(pageTokens);
  const hovered = new Map<PageToken, string | undefined>();
  for (const t of tokens) hovered.set(t, await hoverShows(t));
  const result = { tokens, hovered };
  results.set(path, result);
  return result;
}

const label = (t: PageToken) => `${t.text}@${t.node}:${t.offset} "${t.after.slice(0, 24)}"`;

describe('marked equals explained, token for token', () => {
  // Each page's tokens are hovered one by one: a generous ceiling for a busy machine.
  it.each([...LISTS, ...DECOYS, ...OTHERS])('%s', { timeout: 240_000 }, async (path) => {
    const { tokens, hovered } = await visit(path);
    const marked = tokens.filter((t) => t.marked).map(label);
    const explained = tokens.filter((t) => hovered.get(t) !== undefined).map(label);
    console.log(`[figure] ${path}: ${tokens.length} tokens, ${marked.length} marked, ${explained.length} explained on hover`);
    expect(marked).toEqual(explained);
    // Not two empty sets: every page but the decoys has codes to explain.
    if (!DECOYS.includes(path)) expect(explained.length).toBeGreaterThan(0);
  });
});

describe('standalone modifiers on pages billers read', () => {
  it('explains at least 90 % of the modifiers listed as modifiers', { timeout: 240_000 }, async () => {
    let total = 0;
    let shown = 0;
    const missed: string[] = [];
    for (const [file, items] of Object.entries(EXPECTED.pages)) {
      const { tokens, hovered } = await visit(`modifier-lists/${file}`);
      for (const item of items) {
        const code = item.slice(0, 2);
        const token = tokens.find((t) => t.text === code && t.after.startsWith(item));
        if (!token) throw new Error(`${file}: "${item}" is not on the page`);
        total++;
        const tip = hovered.get(token);
        if (tip?.includes(code)) shown++;
        else missed.push(`${file}: ${item}`);
      }
    }
    const share = shown / total;
    console.log(`[figure] standalone modifiers in modifier lists explained: ${shown} of ${total} (${(share * 100).toFixed(1)} %)${missed.length ? `; missed: ${missed.join(' | ')}` : ''}`);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });

  it('shows no tooltip on the decoy pages', { timeout: 240_000 }, async () => {
    const shown: string[] = [];
    let total = 0;
    for (const path of DECOYS) {
      const { tokens, hovered } = await visit(path);
      total += tokens.length;
      for (const t of tokens) if (hovered.get(t) !== undefined) shown.push(`${path}: ${label(t)}`);
    }
    console.log(`[figure] decoy pages: ${shown.length} tooltips on ${total} code- or modifier-shaped tokens${shown.length ? `: ${shown.join(' | ')}` : ''}`);
    expect(shown).toEqual([]);
  });
});

describe('what the user types', () => {
  it('Paste a list takes typed codes as codes: a state or a Dx label around them silences nothing', async () => {
    const popup = await openPopup(e2e.ext);
    await popup.click('#tab-paste');
    await popup.fill('#paste-input', 'Dx: J1100\nAtlanta, GA 30303');
    await expect.poll(() => popup.locator('#paste-table tbody tr').allInnerTexts(), { timeout: 10_000 }).toEqual([
      expect.stringContaining('J1100'),
      expect.stringContaining('GA'),
      expect.stringContaining('30303'),
    ]);
    const rows = await popup.locator('#paste-table tbody tr').allInnerTexts();
    expect(rows[1]).toContain('Waiver of liability');
    await popup.close();
  });
});
