/**
 * Adds the date-of-service verdict to a tooltip's card and to each of its
 * modifiers' cards: a modifier outside its dates is denied too (CARC 182).
 * CPT codes and modifiers get none: their dates are the AMA's, not in the release.
 */
import type { HcpcsLookup } from './lookup';
import type { ServiceDate } from './service-date';
import { serviceVerdict } from './service-date-verdict';
import type { CodeCard } from './tooltip-model';

export function addServiceVerdicts(lookup: HcpcsLookup, card: CodeCard, service: ServiceDate): void {
  const { release } = lookup.dataset;
  for (const c of [card, ...card.modifiers]) {
    if (c.kind === 'cpt-code' || c.kind === 'cpt-modifier') continue;
    const record = c.code.length === 2 ? lookup.modifier(c.code) : lookup.code(c.code);
    c.service = serviceVerdict(record && { added: record.added, termination: record.termination }, service, release);
  }
}
