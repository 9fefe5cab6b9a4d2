/**
 * Live search: results follow every keystroke (no search button), with the
 * category, "include terminated" and "changed in this release" filters (the
 * last lists every change of the active release while the box is empty). A list pasted into the box goes
 * to the paste table instead.
 */
import { CATEGORIES } from '../hcpcs/categories';
import { isIsoDate, localIsoDate } from '../hcpcs/dates';
import { usDate } from '../hcpcs/service-date-parse';
import { parsePastedList } from '../hcpcs/paste-list';
import type { ChangeKind } from '../hcpcs/release-diff';
import type { StatusBadge } from '../hcpcs/status';
import type { SearchHit } from '../hcpcs/search';
import { sendToBackground } from '../common/send';
import { RowList, type RowItem } from './row-list';

const LIMIT = 50;
/** A release changes a few hundred codes; the list of them all is browsed, not narrowed by typing. */
const CHANGED_LIMIT = 500;

export interface SearchViewOptions {
  copy(text: string, what: string): void;
  /** Several codes were pasted into the search box. */
  pastedList(text: string): void;
}

export function setUpSearch(doc: Document, options: SearchViewOptions): { search(): void; input: HTMLInputElement } {
  const input = doc.getElementById('query') as HTMLInputElement;
  const category = doc.getElementById('category') as HTMLSelectElement;
  const terminated = doc.getElementById('include-terminated') as HTMLInputElement;
  const changedOnly = doc.getElementById('changed-only') as HTMLInputElement;
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
    const changed = changedOnly.checked;
    if (!query.trim() && !changed) return show(ticket, [], '');
    const limit = changed && !query.trim() ? CHANGED_LIMIT : LIMIT;
    results.setAttribute('aria-busy', 'true');
    try {
      const { hits, release } = await sendToBackground('searchCodes', {
        query: query.slice(0, 200),
        limit,
        ...(category.value ? { category: category.value } : {}),
        ...(terminated.checked ? { includeTerminated: true } : {}),
        ...(changed ? { changed: true } : {}),
        ...(asOf() ? { asOf: asOf()! } : {}),
      });
      const day = asOf();
      const when = day && day !== localIsoDate() ? ` Status as of ${usDate(day)}.` : '';
      show(ticket, hits.map(toRow), changed ? changedSummary(query, hits.length, limit, release) : `${summary(query, hits.length, terminated.checked)}${when}`);
    } catch (error) {
      show(ticket, [], (error as Error).message);
    }
  };

  input.addEventListener('input', () => void search());
  category.addEventListener('change', () => void search());
  terminated.addEventListener('change', () => void search());
  changedOnly.addEventListener('change', () => void search());
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
    badge: hit.changes ? changeBadge(hit.changes) : hit.status[0],
    copyText: `${hit.code}\t${hit.long}`,
  };
}

/** Badge-sized names of the kinds of change; a row's expanded detail tells the whole change. */
const CHANGE_BADGES: Readonly<Record<ChangeKind, string>> = {
  added: 'Added',
  terminated: 'Terminated',
  reinstated: 'Reinstated',
  removed: 'Removed',
  long: 'Description',
  short: 'Short desc.',
  other: 'Fields',
};

/** In the list of changes, the badge says what changed: the first kind, and how many more. */
function changeBadge(kinds: readonly ChangeKind[]): StatusBadge {
  const [first] = kinds as [ChangeKind, ...ChangeKind[]];
  const kind = first === 'added' ? 'new' : first === 'terminated' || first === 'removed' ? 'discontinued' : 'changed';
  return { kind, label: `${CHANGE_BADGES[first]}${kinds.length > 1 ? ` +${kinds.length - 1}` : ''}` };
}

function changedSummary(query: string, count: number, limit: number, release: string): string {
  const what = query.trim() ? `matching “${query.trim()}” ` : '';
  if (count === 0) return `No code ${what}changed in ${release} (as far as the extension knows the release before it).`;
  if (count >= limit) return `The first ${limit} codes ${what}changed in ${release}: add a word or a category to narrow them.`;
  return `${count} ${count === 1 ? 'code' : 'codes'} ${what}changed in ${release}`;
}

function summary(query: string, count: number, withTerminated: boolean): string {
  if (count === 0) return `No code matches “${query.trim()}”. ${withTerminated ? 'Try other words.' : 'Try other words, or include terminated codes.'}`;
  if (count >= LIMIT) return `The first ${LIMIT} results: add a word to narrow them.`;
  return count === 1 ? '1 result' : `${count} results`;
}
