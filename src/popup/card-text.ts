/**
 * Plain-text columns of a code card, for tables and their TSV copies: what a
 * spreadsheet cell should hold for a code's description and status.
 */
import type { CodeCard } from '../hcpcs/tooltip-model';

export function descriptionOf(card: CodeCard): string {
  return card.notice && card.kind !== 'code' && card.kind !== 'modifier' ? `${card.title}: ${card.notice}` : card.title;
}

export function statusOf(card: CodeCard): string {
  if (card.kind === 'unknown') return 'Not in this release';
  if (card.kind === 'cpt-code' || card.kind === 'cpt-modifier') return 'CPT (not described)';
  return card.status.map((s) => s.label).join('; ');
}

export function modifierText(card: CodeCard): string {
  return `${card.code}: ${descriptionOf(card)}`;
}
