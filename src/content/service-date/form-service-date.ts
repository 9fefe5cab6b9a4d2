/**
 * The date of service of a claim form's service line: the fields near the
 * code labelled as a date of service, or as the From and To of one (CMS-1500
 * box 24A, UB-04 form locator 45), `<input type="date">` included. Looks
 * outwards from the code to the nearest container holding such a field and
 * no further; a container holding several lines' dates is read only when the
 * line numbers in the fields' names pair them ("from_2" with "hcpcs_2").
 */
import { columnPlan, dateColumnKind, type DateColumnKind } from '../../hcpcs/service-date-columns';

/** Containers looked at, from the code outwards: a service line is a few levels deep at most. */
const MAX_LEVELS = 4;
const MAX_FIELDS = 120;
const DATE_FIELDS = 'input:not([type="password"]):not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), select';

export function formDateValues(from: Element): { texts: string[]; period: boolean } | undefined {
  const line = lineNumber(from);
  let el = from.parentElement;
  for (let level = 0; el && level < MAX_LEVELS && el.tagName !== 'BODY'; level++, el = el.parentElement) {
    const found: { kind: DateColumnKind; field: HTMLInputElement | HTMLSelectElement }[] = [];
    for (const field of [...el.querySelectorAll<HTMLInputElement | HTMLSelectElement>(DATE_FIELDS)].slice(0, MAX_FIELDS)) {
      if (field === from) continue;
      const kind = kindOfField(field);
      if (kind) found.push({ kind, field });
    }
    if (found.length === 0) continue;
    // Several lines' dates: only those numbered as the code's line count.
    const paired = found.length > 2 && line !== undefined ? found.filter((f) => lineNumber(f.field) === line) : found;
    const plan = columnPlan(paired.map((f) => f.kind));
    if (!plan) return undefined;
    const value = (i: number) => paired[i]!.field.value.slice(0, 60);
    return plan.kind === 'single' ? { texts: [value(plan.column)], period: false } : { texts: [value(plan.from), value(plan.to)], period: true };
  }
  return undefined;
}

function kindOfField(field: HTMLInputElement | HTMLSelectElement): DateColumnKind | undefined {
  const labels = [...(field.labels ?? [])].map((l) => l.textContent ?? '');
  const labelledBy = (field.getAttribute('aria-labelledby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => field.ownerDocument.getElementById(id)?.textContent ?? '');
  const placeholder = field instanceof HTMLInputElement ? field.placeholder : '';
  for (const text of [...labels, field.getAttribute('aria-label'), ...labelledBy, field.title, field.name, field.id, placeholder]) {
    if (!text?.trim()) continue;
    // The first thing that names the field decides: a "Paid date" label is not overruled by a name "dos1".
    return dateColumnKind(text.replace(/[_-]?\d+$/, ''));
  }
  return undefined;
}

/** The service line a field belongs to, from the number in its name or id ("hcpcs_2", "line2From"). */
function lineNumber(el: Element): string | undefined {
  const name = el.getAttribute('name') || el.id;
  return /(\d+)\D*$/.exec(name)?.[1];
}
