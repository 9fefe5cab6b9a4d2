/**
 * "Codes on this page": every frame of the tab is asked for the codes it
 * shows (the content script answers listPageCodes), the counts are added up,
 * and each code is listed with its status, expandable, copyable as TSV.
 */
import { MAX_LOOKUP_ITEMS, type PageCode } from '../common/messages';
import { CODE_TOKEN } from '../common/request-shapes';
import { sendToBackground, sendToTab } from '../common/send';
import { ensureSessions } from '../common/session-script';
import { toTsv } from '../common/tsv';
import type { CodeCard } from '../hcpcs/tooltip-model';
import { descriptionOf, statusOf } from './card-text';
import { RowList } from './row-list';

const FRAME_TIMEOUT_MS = 2000;

export interface PageCodes {
  codes: PageCode[];
  /** Frames that answered, of those found. */
  answered: number;
  frames: number;
}

/** Asks each frame of the tab for its codes; a frame that cannot answer is skipped. */
async function collectPageCodes(tabId: number): Promise<PageCodes> {
  // executeScript over all frames is the way to learn their ids with the
  // permissions the extension already has (webNavigation would add a warning);
  // frames whose content script has not started its session get it now.
  const frames = await ensureSessions(tabId);
  const counts = new Map<string, number>();
  let answered = 0;
  await Promise.all(
    frames.map(async (frameId) => {
      try {
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), FRAME_TIMEOUT_MS));
        const { codes } = await Promise.race([sendToTab(tabId, 'listPageCodes', {}, frameId), timeout]);
        answered++;
        for (const { code, count } of Array.isArray(codes) ? codes : []) {
          if (typeof code === 'string' && CODE_TOKEN.test(code) && Number.isInteger(count) && count > 0) counts.set(code, (counts.get(code) ?? 0) + count);
        }
      } catch {
        // No content script there (a frame it may not enter), or it did not answer in time.
      }
    }),
  );
  const codes = [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { codes, answered, frames: frames.length };
}

export function setUpPageCodes(doc: Document, copy: (text: string, what: string) => void): { load(tabId: number | undefined): Promise<void> } {
  const status = doc.getElementById('page-status')!;
  const copyButton = doc.getElementById('page-copy') as HTMLButtonElement;
  const list = new RowList(doc.getElementById('page-codes') as HTMLUListElement, { copy });
  let rows: { card: CodeCard; count: number }[] = [];

  copyButton.addEventListener('click', () => {
    const tsv = toTsv([['Code', 'Count', 'Description', 'Status'], ...rows.map(({ card, count }) => [card.code, String(count), descriptionOf(card), statusOf(card)])]);
    copy(tsv, `${rows.length} rows`);
  });

  return {
    async load(tabId) {
      status.textContent = 'Looking for codes on this page…';
      if (tabId === undefined) {
        status.textContent = 'There is no page to read in this window.';
        return;
      }
      let found: PageCodes;
      try {
        found = await collectPageCodes(tabId);
      } catch {
        status.textContent = 'HCPCS Lens cannot read this page: browsers keep their own pages and the extension stores closed to extensions.';
        return;
      }
      if (found.answered === 0) {
        status.textContent = 'HCPCS Lens is not running on this page: it may be turned off for this site, or the page was open before HCPCS Lens was installed (reload it).';
        return;
      }
      const codes = found.codes.slice(0, MAX_LOOKUP_ITEMS);
      if (codes.length === 0) {
        status.textContent = 'No HCPCS codes on this page.';
        return;
      }
      try {
        const model = await sendToBackground('lookupCodes', { items: codes.map(({ code }) => ({ code })), level: 'standard' });
        rows = model.cards.map((card, i) => ({ card, count: codes[i]!.count }));
      } catch (error) {
        status.textContent = (error as Error).message;
        return;
      }
      list.render(rows.map(({ card, count }) => ({ code: card.code, text: descriptionOf(card), badge: card.status[0], count, copyText: `${card.code}\t${descriptionOf(card)}` })));
      const total = found.codes.reduce((sum, c) => sum + c.count, 0);
      const frames = found.frames > 1 ? ` in ${found.frames} frames` : '';
      const capped = found.codes.length > codes.length ? ` (the first ${codes.length} listed)` : '';
      status.textContent = `${found.codes.length} ${found.codes.length === 1 ? 'code' : 'different codes'}, ${total} in all${frames}${capped}.`;
      copyButton.disabled = false;
    },
  };
}
