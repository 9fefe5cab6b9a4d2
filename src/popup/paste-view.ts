/**
 * "Paste a list": codes pasted from a PDF, an email or a spreadsheet become a
 * table of code, modifiers, description and status, with "Copy as TSV" for
 * spreadsheets. For the places hovering cannot reach.
 */
import { el } from '../common/detail-view';
import { MAX_LOOKUP_ITEMS } from '../common/messages';
import { sendToBackground } from '../common/send';
import { toTsv } from '../common/tsv';
import { localIsoDate } from '../hcpcs/dates';
import { parseDatedList } from '../hcpcs/paste-dates';
import { parsePastedList } from '../hcpcs/paste-list';
import type { CodeCard } from '../hcpcs/tooltip-model';
import { descriptionOf, modifierText, statusOf } from './card-text';

const SETTLE_MS = 120;
const TSV_HEADER = ['Code', 'Modifiers', 'Description', 'Status', 'Modifier descriptions'];
/** Added when the list has a date column: whether each code (and its modifiers) was valid on its date. */
const VALID_HEADER = 'Valid on date';

export function setUpPaste(doc: Document, copy: (text: string, what: string) => void): { show(text: string): void } {
  const input = doc.getElementById('paste-input') as HTMLTextAreaElement;
  const table = doc.getElementById('paste-table') as HTMLTableElement;
  const body = table.tBodies[0]!;
  const status = doc.getElementById('paste-status')!;
  const copyButton = doc.getElementById('paste-copy') as HTMLButtonElement;
  const validColumn = doc.getElementById('paste-valid-col')!;
  let cards: CodeCard[] = [];
  let dated = false;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async () => {
    const ticket = ++latest;
    const withDates = parseDatedList(input.value, localIsoDate(), MAX_LOOKUP_ITEMS);
    const list = withDates ?? parsePastedList(input.value, MAX_LOOKUP_ITEMS);
    const notes = [
      list.truncated ? `Only the first ${MAX_LOOKUP_ITEMS} codes are shown.` : '',
      list.ignored.length > 0 ? `Not codes, left out: ${list.ignored.join(', ')}${list.ignored.length >= 20 ? ' …' : ''}` : '',
    ].filter(Boolean);
    if (list.entries.length === 0) {
      cards = [];
      render([]);
      status.textContent = input.value.trim() ? ['No codes found in the pasted text.', ...notes].join(' ') : '';
      return;
    }
    try {
      const model = await sendToBackground('lookupCodes', { items: list.entries, level: 'standard' });
      if (ticket !== latest) return;
      cards = model.cards;
      dated = withDates !== undefined;
      render(cards);
      const unknown = cards.filter((c) => c.kind === 'unknown').length;
      const counts = `${cards.length} ${cards.length === 1 ? 'code' : 'codes'}${unknown ? `, ${unknown} not in ${model.release}` : ''}.`;
      status.textContent = [counts, ...notes].join(' ');
    } catch (error) {
      if (ticket !== latest) return;
      render([]);
      status.textContent = (error as Error).message;
    }
  };

  const render = (rows: readonly CodeCard[]) => {
    validColumn.hidden = !dated;
    body.replaceChildren(...rows.map((card) => renderRow(doc, card, dated)));
    table.hidden = rows.length === 0;
    copyButton.disabled = rows.length === 0;
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), SETTLE_MS);
  });
  copyButton.addEventListener('click', () => {
    const rows = cards.map((c) => [c.code, c.modifiers.map((m) => m.code).join(' '), descriptionOf(c), statusOf(c), c.modifiers.map(modifierText).join('; '), ...(dated ? [validityOf(c)] : [])]);
    copy(toTsv([dated ? [...TSV_HEADER, VALID_HEADER] : TSV_HEADER, ...rows]), `${cards.length} rows`);
  });

  return {
    show(text: string) {
      input.value = text;
      void update();
      input.focus();
    },
  };
}

/** The code's verdict on its date, then each modifier's that is not valid: "Not valid on 02/01/2026: terminated 12/31/2025". */
function validityOf(card: CodeCard): string {
  const mods = card.modifiers.filter((m) => m.service && m.service.kind !== 'valid').map((m) => `${m.code}: ${m.service!.text}`);
  return [card.service?.text ?? '', ...mods].filter(Boolean).join('; ');
}

function renderRow(doc: Document, card: CodeCard, dated: boolean): HTMLTableRowElement {
  const badge = card.status[0];
  return el(
    doc,
    'tr',
    card.kind === 'code' || card.kind === 'modifier' ? undefined : 'is-unknown',
    el(doc, 'td', undefined, el(doc, 'span', 'hl-code', card.code)),
    el(doc, 'td', 'mods', ...card.modifiers.map((m) => el(doc, 'span', 'mod', el(doc, 'span', 'hl-code', m.code), ` ${descriptionOf(m)}`))),
    el(doc, 'td', undefined, descriptionOf(card)),
    el(doc, 'td', undefined, badge ? el(doc, 'span', `hl-badge hl-badge-${badge.kind}`, badge.label) : statusOf(card)),
    dated ? el(doc, 'td', `valid-on ${card.service ? `hl-service-${card.service.kind}` : ''}`, validityOf(card)) : null,
  ) as HTMLTableRowElement;
}
