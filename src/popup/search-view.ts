/**
 * Live search: results follow every keystroke (no search button), with the
 * category and "include terminated" filters. A list pasted into the box goes
 * to the paste table instead.
 */
import { CATEGORIES } from '../hcpcs/categories';
import { isIsoDate, localIsoDate } from '../hcpcs/dates';
import { usDate } from '../hcpcs/service-date-parse';
import { parsePastedList } from '../hcpcs/paste-list';
import type { SearchHit } from '../hcpcs/search';
import { sendToBackground } from '../common/send';
import { RowList, type RowItem } from './row-list';

const LIMIT = 50;

export interface SearchViewOptions {
  copy(text: string, what: string): void;
  /** Several codes were pasted into the search box. */
  pastedList(text: string): void;
}

export function setUpSearch(doc: Document, options: SearchViewOptions): { search(): void; input: HTMLInputElement } {
  const input = doc.getElementById('query') as HTMLInputElement;
  const category = doc.getElementById('category') as HTMLSelectElement;
  const terminated = doc.getElementById('include-terminated') as HTMLInputElement;
  const status = doc.getElementById('search-status')!;
  // Status and validity as of a date of service: today unless the user picks another day.
  const asOfInput = doc.getElementById('as-of') as HTMLInputElement;
  asOfInput.value = localIsoDate();
  const asOf = () => (isIsoDate(asOfInput.value) ? asOfInput.value : undefined);
  const list = new RowList(doc.getElementById('results') as HTMLUListElement, {
    copy: options.copy,
    asOf,
    leave: () => input.focus(),
    typeAhead: () => input.focus(),
  });
  for (const { letter, name } of CATEGORIES) category.add(new Option(`${letter} · ${name}`, letter));

  // Replies can overtake each other; only the newest query's is shown. The
  // list is aria-busy while the newest query is unanswered, so assistive
  // technology (and a test) knows the rows shown are not yet its answer.
  const results = doc.getElementById('results')!;
  let latest = 0;
  const show = (ticket: number, rows: RowItem[], text: string) => {
    if (ticket !== latest) return;
    list.render(rows);
    status.textContent = text;
    results.setAttribute('aria-busy', 'false');
  };
  const search = async () => {
    const ticket = ++latest;
    const query = input.value;
    if (!query.trim()) return show(ticket, [], '');
    results.setAttribute('aria-busy', 'true');
    try {
      const { hits } = await sendToBackground('searchCodes', {
        query: query.slice(0, 200),
        limit: LIMIT,
        ...(category.value ? { category: category.value } : {}),
        ...(terminated.checked ? { includeTerminated: true } : {}),
        ...(asOf() ? { asOf: asOf()! } : {}),
      });
      const day = asOf();
      const when = day && day !== localIsoDate() ? ` Status as of ${usDate(day)}.` : '';
      show(ticket, hits.map(toRow), `${summary(query, hits.length, terminated.checked)}${when}`);
    } catch (error) {
      show(ticket, [], (error as Error).message);
    }
  };

  input.addEventListener('input', () => void search());
  category.addEventListener('change', () => void search());
  terminated.addEventListener('change', () => void search());
  asOfInput.addEventListener('change', () => void search());
  input.addEventListener('keydown', (event) => {
    const nothingSelected = input.selectionStart === input.selectionEnd;
    if (event.key === 'ArrowDown' && list.items.length > 0) {
      event.preventDefault();
      list.focusActive();
    } else if (event.key === 'Enter' && list.items.length > 0) {
      event.preventDefault();
      list.focusActive(true);
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'c' && nothingSelected && list.copyActive()) {
      event.preventDefault();
    }
  });
  input.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (parsePastedList(text).entries.length > 1) {
      event.preventDefault();
      options.pastedList(text);
    }
  });
  return { search: () => void search(), input };
}

function toRow(hit: SearchHit): RowItem {
  return {
    code: hit.code,
    ...(hit.kind === 'modifier' ? { tag: 'Modifier' } : {}),
    text: hit.short || hit.long,
    badge: hit.status[0],
    copyText: `${hit.code}\t${hit.long}`,
  };
}

function summary(query: string, count: number, withTerminated: boolean): string {
  if (count === 0) return `No code matches “${query.trim()}”. ${withTerminated ? 'Try other words.' : 'Try other words, or include terminated codes.'}`;
  if (count >= LIMIT) return `The first ${LIMIT} results: add a word to narrow them.`;
  return count === 1 ? '1 result' : `${count} results`;
}
