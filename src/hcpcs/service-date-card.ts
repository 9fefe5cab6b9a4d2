/**
 * Adds the date-of-service verdict to a tooltip's card and to each of its
 * modifiers' cards: a modifier outside its dates is denied too (CARC 182).
 * CPT codes and modifiers get none: their dates are the AMA's, not in the release.
 */
import { ChangeHistory } from './change-history';
import type { HcpcsLookup } from './lookup';
import type { ServiceDate } from './service-date';
import { usDate } from './service-date-parse';
import { serviceVerdict } from './service-date-verdict';
import type { CodeCard } from './tooltip-model';

/**
 * `full`: the code's own card also says the long description in force on the
 * date of service, where the history knows it differed from today's (a claim
 * is judged by the code as CMS described it then).
 */
export function addServiceVerdicts(lookup: HcpcsLookup, card: CodeCard, service: ServiceDate, history = ChangeHistory.EMPTY, full = false): void {
  const { release } = lookup.dataset;
  for (const c of [card, ...card.modifiers]) {
    if (c.kind === 'cpt-code' || c.kind === 'cpt-modifier') continue;
    const record = c.code.length === 2 ? lookup.modifier(c.code) : lookup.code(c.code);
    c.service = serviceVerdict(record && { added: record.added, termination: record.termination }, service, release);
    if (!full || c !== card || !record || 'unreadable' in service) continue;
    const then = history.inForce(c.code, record, service.from);
    if (then && then.long !== record.long) c.service.then = `Described on ${usDate(service.from)} as: ${then.long}`;
  }
}
