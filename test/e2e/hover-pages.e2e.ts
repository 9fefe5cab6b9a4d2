/**
 * Hovering codes on billing pages in Chromium with the built extension: the
 * tooltip says what the dataset says, for the code and each modifier written
 * with it, and nothing shows for the decoys. The page's own MutationObserver
 * sees no change but the insertion of the extension's one host element.
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useExtension } from './support/extension-session';
import { FAST } from './support/extension-page';
import { expectDescribes, expectNoTooltip, hoverText, pointAway, record, tooltipOf, tooltipText } from './support/page-tools';

const e2e = useExtension({ settings: FAST });
let page: Page;

beforeAll(async () => {
  page = await e2e.ext.context.newPage();
});

async function open(path: string): Promise<void> {
  await page.goto(e2e.server.url(path));
  await page.bringToFront();
}

/** Hovers `text` inside `selector` and returns the tooltip's text. */
async function hover(selector: string, text: string, charIndex = 1): Promise<string> {
  await hoverText(page, page.locator(selector), text, charIndex);
  return tooltipText(page);
}

/** Hovers a decoy and expects no tooltip. */
async function hoverDecoy(selector: string, text: string, charIndex = 1): Promise<void> {
  await hoverText(page, page.locator(selector), text, charIndex);
  await expectNoTooltip(page);
}

describe('claims table', () => {
  beforeEach(() => open('claims-table.html'));

  it('explains a code with the modifiers of its row’s Mod columns', async () => {
    expectDescribes(await hover('#row1 .code', 'E1392'), 'E1392', ['RR', 'KX']);
  });

  it('explains a modifier standing alone in a Mod column', async () => {
    const text = await hover('#row1 .mod2', 'KX', 0);
    expectDescribes(text, 'KX');
    expect(text).not.toContain('E1392');
  });

  it('reads a code and modifier split over nodes and inline elements', async () => {
    expectDescribes(await hover('#row3 .code', 'E1390'), 'E1390', ['RR']);
    await pointAway(page);
    expectDescribes(await hover('#row4 .code', 'E0431'), 'E0431', ['RR']);
    await pointAway(page);
    // Pointing at the modifier shows the code it belongs to.
    expectDescribes(await hover('#row4 .code', 'RR', 0), 'E0431', ['RR']);
  });

  it('names a CPT code and its numeric modifier without describing them', async () => {
    const text = await hover('#row5 .code', '99213');
    expect(text).toContain('99213');
    expect(text).toContain('CPT® code (HCPCS Level I)');
    expect(text).toContain('25');
    expect(text).toContain('CPT® modifier (HCPCS Level I)');
    expect(text).toContain('Description not included (AMA-licensed).');
  });

  it('shows nothing for diagnosis codes in the Dx column, claim numbers and longer tokens', async () => {
    expectDescribes(await hover('#row2 .code', 'J1100'), 'J1100');
    await pointAway(page);
    await hoverDecoy('#row1 .dx', 'J1100');
    await hoverDecoy('#row2 .dx', 'E1100');
    await hoverDecoy('#row1 td:nth-child(2)', 'E1392');
    await hoverDecoy('#claim-no', 'E1392', 2);
    await hoverDecoy('#row6 .code', 'E13925');
    await hoverDecoy('#note', 'XE1392', 2);
  });

  it('flips above a code near the bottom of a small viewport and stays inside it', async () => {
    await page.setViewportSize({ width: 640, height: 300 });
    try {
      await page.evaluate(() => document.getElementById('row5')!.scrollIntoView({ block: 'end' }));
      await hover('#row5 .code', '99213');
      const tip = (await tooltipOf(page).boundingBox())!;
      const code = (await page.locator('#row5 .code').boundingBox())!;
      // Above the code's text (the cell has padding around it).
      expect(tip.y + tip.height).toBeLessThanOrEqual(code.y + code.height / 2 - 4);
      expect(tip.y).toBeGreaterThanOrEqual(0);
      expect(tip.x).toBeGreaterThanOrEqual(0);
      expect(tip.x + tip.width).toBeLessThanOrEqual(640);
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('changes nothing in the page but inserting its one host element, once', async () => {
    await page.evaluate(() => (window as unknown as { __mutations: unknown[] }).__mutations.splice(0));
    for (const [selector, text] of [
      ['#row1 .code', 'E1392'],
      ['#row2 .code', 'J1100'],
      ['#row1 .mod1', 'RR'],
    ] as const) {
      await hover(selector, text, 0);
      await pointAway(page);
    }
    const { foreign, insertions } = await page.evaluate(() => {
      const w = window as unknown as { __foreignMutations(): string[]; __hostInsertions(): number };
      return { foreign: w.__foreignMutations(), insertions: w.__hostInsertions() };
    });
    expect(foreign).toEqual([]);
    expect(insertions).toBe(1);
  });
});

describe('remittance advice', () => {
  beforeEach(() => open('remittance.html'));

  it('reads "E1392 RR 1" as E1392 with RR', async () => {
    expectDescribes(await hover('#svc1', 'E1392'), 'E1392', ['RR']);
  });

  it('reads "E1392 CO 45" as E1392 alone: CO is the adjustment group of reason 45', async () => {
    const text = await hover('#svc2', 'E1392');
    expectDescribes(text, 'E1392');
    expect(text).not.toContain(record('CO').long);
    await pointAway(page);
    await hoverDecoy('#svc2', 'CO', 0);
    await hoverDecoy('#adj1', 'CO', 0);
  });

  it('says a terminated code is terminated, with its date', async () => {
    const text = await hover('#svc3', 'A4397');
    expectDescribes(text, 'A4397');
    expect(text).toMatch(/Terminated Dec 31, 2021/);
  });

  it('reads modifiers spaced out in a plain-text EOB', async () => {
    expectDescribes(await hover('#eob', 'E1392'), 'E1392', ['RR', 'KX']);
    await pointAway(page);
    expectDescribes(await hover('#eob', 'E0431'), 'E0431', ['RR']);
  });

  it('reads a drug code with its wastage modifier', async () => {
    expectDescribes(await hover('#svc4', 'J1100'), 'J1100', ['JW']);
  });
});

describe('policy article', () => {
  beforeEach(() => open('policy-article.html'));

  it('explains codes in prose next to punctuation', async () => {
    expectDescribes(await hover('#p1', '(E1392)', 2), 'E1392');
    await pointAway(page);
    expectDescribes(await hover('#p3', 'J1100.'), 'J1100');
  });

  it('explains modifiers that the prose names as modifiers', async () => {
    expectDescribes(await hover('#p1', 'KX modifier', 0), 'KX');
    await pointAway(page);
    expectDescribes(await hover('#p1', 'modifier GA', 10), 'GA');
  });

  it('reads a range as two codes', async () => {
    expectDescribes(await hover('#p2', 'E0100'), 'E0100');
    await pointAway(page);
    expectDescribes(await hover('#p2', 'E0105'), 'E0105');
  });

  it('leaves lower case, longer tokens, claim numbers, labelled diagnoses and lone two-letter words alone', async () => {
    expectDescribes(await hover('#dd-proc', 'E1392'), 'E1392', ['RR']);
    await pointAway(page);
    await hoverDecoy('#p4', 'e1392');
    await hoverDecoy('#p4', 'XE1392', 2);
    await hoverDecoy('#p4', 'E1392X');
    await hoverDecoy('#p4', 'CLM-E1392', 5);
    await hoverDecoy('#p4', 'GA,', 0);
    await hoverDecoy('#p4', 'NU', 0);
    await hoverDecoy('#p3', 'CM J1100', 4);
    await hoverDecoy('#dd-dx', 'J1100');
  });
});

describe('raw EDI viewer', () => {
  beforeEach(() => open('edi-viewer.html'));

  it('reads an SV1 composite with the component separator the ISA segment declares (">")', async () => {
    expectDescribes(await hover('#edi', 'E1390'), 'E1390', ['RR', 'KX']);
    await pointAway(page);
    expectDescribes(await hover('#edi', 'HC>J1100', 4), 'J1100');
  });

  it('shows nothing for diagnosis codes in HI, the claim id in CLM, or a code in REF', async () => {
    await hover('#edi', 'E1390');
    await pointAway(page);
    await hoverDecoy('#edi', 'ABK>J1100', 5);
    await hoverDecoy('#edi', 'ABF>E1100', 5);
    await hoverDecoy('#edi', 'CLM-E1392', 5);
    await hoverDecoy('#edi', '6R*E1392', 4);
  });
});
