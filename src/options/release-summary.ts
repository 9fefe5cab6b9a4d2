/**
 * The summary of a release loaded but not yet used: which release, from
 * which files, what it changes against the active one (a browsable list per
 * kind of change, copied as TSV), and "Use this release". A release older
 * than the active or bundled one, or the same quarter, says so and needs the
 * user to confirm.
 */
import { CHANGE_KIND_LABELS, CHANGE_KINDS } from '../hcpcs/release-diff';
import { formatDate } from '../hcpcs/dates';
import { compareReleases, releaseLabel, type ReleaseInfo } from '../hcpcs/release';
import type { ImportSummary } from './release-import/import-protocol';

export interface SummaryActions {
  use(): void;
  discard(): void;
  copy(tsv: string): void;
}

export function renderSummary(host: HTMLElement, s: ImportSummary, bundled: ReleaseInfo | undefined, today: string, actions: SummaryActions): void {
  const doc = host.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };
  const label = `CMS HCPCS ${releaseLabel(s.release)}`;
  host.replaceChildren();
  const title = el('h3', `${label}, effective ${s.release.effective}`);
  title.id = 'summary-title';
  host.append(title);
  if (s.release.effective > today) host.append(el('p', notYetInEffect(s.release.effective), 'hint'));
  const n = (x: number) => x.toLocaleString('en-US');
  host.append(el('p', `${n(s.release.codes)} codes and ${n(s.release.modifiers)} modifiers, from ${s.used.data} in ${s.fileName}.`));
  if (s.aidsFromExtension) {
    host.append(el('p', `The file came without its record layout and processing notes: the extension's own were used (${[s.used.layout, s.used.notes].filter(Boolean).join(', ')}).`));
  }
  if (s.otherQuarters.length > 0) host.append(el('p', `${s.fileName} also holds another quarter (${s.otherQuarters.join(', ')}); the newest, ${releaseLabel(s.release)}, was taken.`, 'release-notice'));
  if (s.ignored.length > 0) host.append(el('p', `Ignored: ${s.ignored.join(', ')}.`, 'hint'));
  if (s.warnings.length > 0) {
    const details = el('details');
    details.append(el('summary', `${s.warnings.length} value${s.warnings.length === 1 ? '' : 's'} the record layout does not explain (kept as CMS wrote them)`));
    const list = el('ul');
    for (const w of s.warnings) list.append(el('li', w));
    details.append(list);
    host.append(details);
  }

  const total = CHANGE_KINDS.reduce((sum, k) => sum + s.counts[k], 0);
  host.append(el('p', total === 0 ? `No differences from the active release, CMS HCPCS ${releaseLabel(s.against)}.` : `What changes against the active release, CMS HCPCS ${releaseLabel(s.against)}:`));
  for (const kind of CHANGE_KINDS) {
    const lines = s.lists[kind];
    if (s.counts[kind] === 0) continue;
    const details = el('details', undefined, 'change-kind');
    details.dataset.kind = kind;
    details.append(el('summary', `${CHANGE_KIND_LABELS[kind]}: ${n(s.counts[kind])}`));
    // The table is built when opened: a quarter can change hundreds of codes.
    details.addEventListener('toggle', () => details.open && !details.querySelector('table') && details.append(table(lines)), { once: false });
    host.append(details);
  }

  const warning = olderOrSame(s.release, s.against, bundled);
  const buttons = el('div', undefined, 'buttons');
  const copy = el('button', 'Copy changes as TSV', 'button');
  copy.type = 'button';
  copy.disabled = total === 0;
  copy.addEventListener('click', () => actions.copy(s.tsv));
  const use = el('button', 'Use this release', 'button primary');
  use.type = 'button';
  use.id = 'use-release';
  use.addEventListener('click', () => actions.use());
  const discard = el('button', 'Do not use it', 'button');
  discard.type = 'button';
  discard.addEventListener('click', () => actions.discard());
  if (warning) {
    host.append(el('p', warning, 'release-notice'));
    const confirm = el('label', undefined, 'choice');
    const box = el('input');
    box.type = 'checkbox';
    box.id = 'confirm-release';
    confirm.append(box, el('span', ` Use ${label} anyway`));
    host.append(confirm);
    use.disabled = true;
    box.addEventListener('change', () => (use.disabled = !box.checked));
  }
  buttons.append(use, copy, discard);
  host.append(buttons);

  function table(lines: ImportSummary['lists'][keyof ImportSummary['lists']]): HTMLElement {
    const wrap = el('div', undefined, 'change-list');
    const t = el('table');
    const head = el('tr');
    for (const h of ['Code', 'What changed', 'Before', 'After']) head.append(el('th', h));
    t.append(head);
    for (const line of lines) {
      const row = el('tr');
      row.append(el('td', line.code), el('td', line.what), el('td', line.before), el('td', line.after));
      t.append(row);
    }
    wrap.append(t);
    return wrap;
  }
}

/** CMS posts a quarter weeks ahead: what a biller sees until it takes effect (hcpcs/change-history.ts). */
export function notYetInEffect(effective: string): string {
  return `Not in effect until ${formatDate(effective)}: until then, tooltips and search show each code as it is in force today, and mark this release's changes as coming on that date.`;
}

function olderOrSame(release: ReleaseInfo, active: ReleaseInfo, bundled: ReleaseInfo | undefined): string | undefined {
  const label = releaseLabel(release);
  if (compareReleases(release, active) < 0) return `${label} is older than the active release, ${releaseLabel(active)}: tooltips would go back to older CMS data.`;
  if (bundled && compareReleases(release, bundled) < 0) return `${label} is older than the release bundled with the extension, ${releaseLabel(bundled)}.`;
  if (compareReleases(release, active) === 0) return `${label} is the same quarter as the active release.`;
  return undefined;
}
