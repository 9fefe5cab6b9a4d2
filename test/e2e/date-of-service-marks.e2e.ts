/**
 * "Mark codes" with the date-of-service check: a code not valid on its row's
 * date gets a mark of its own (a red box, painted over the tint), a caution,
 * a neutral or an unreadable date none; with the check off, only the usual tint.
 */
import { STATE_TIMEOUT_MS } from './support/wait';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAST, setSettings } from './support/extension-page';
import { useExtension } from './support/extension-session';

const e2e = useExtension({ settings: { ...FAST, markCodes: true } });
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

/** The codes in the highlight painted as the red "not valid" box, by their row id. */
function invalidMarks(): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      const probe = document.querySelector('main')!;
      if (getComputedStyle(probe, `::highlight(${name})`).backgroundColor !== 'rgb(220, 50, 60)') continue;
      for (const r of highlight) {
        const node = r.startContainer as Text;
        out.push(`${node.data.slice(r.startOffset, r.endOffset)}@${node.parentElement?.closest('tr, [role="row"]')?.id ?? node.parentElement?.id ?? ''}`);
      }
    }
    return out.sort();
  });
}

const markedCodes = () => page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));

describe('marking by date of service', () => {
  it('marks apart exactly the codes not valid on their row’s date, and nothing for cautions, neutral or unreadable dates', async () => {
    await page.goto(e2e.server.url('dos-tables.html'));
    await page.bringToFront();
    // JG in the Mod column is a modifier standing alone (the pipeline explains and marks it): terminated
    // 2024-12-31, it is not valid on 2026-01-15 either (a modifier is judged as a code is: CARC 182).
    await expect.poll(invalidMarks, { timeout: STATE_TIMEOUT_MS }).toEqual(['A4295@c-before', 'C5271@c-after', 'C5271@g1', 'C5271@p-after', 'JG@c-mod']);
  });

  it('marks raw X12 lines by their own loop’s date', async () => {
    await page.goto(e2e.server.url('dos-forms-edi.html'));
    await page.bringToFront();
    await expect.poll(invalidMarks, { timeout: STATE_TIMEOUT_MS }).toEqual(['A4295@r835', 'C5271@p837']);
  });

  it('leaves only the usual tint when the check is turned off', async () => {
    await page.goto(e2e.server.url('dos-tables.html'));
    await expect.poll(invalidMarks, { timeout: STATE_TIMEOUT_MS }).toHaveLength(5);
    await setSettings(e2e.ext, { ...FAST, markCodes: true, checkDateOfService: false });
    // Marked again, with the tint alone.
    await expect.poll(markedCodes, { timeout: STATE_TIMEOUT_MS }).toBeGreaterThan(10);
    expect(await invalidMarks()).toEqual([]);
    await setSettings(e2e.ext, { ...FAST, markCodes: true });
  });
});
