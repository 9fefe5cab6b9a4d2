/**
 * A code the release does not hold, where the page says plainly that it is a
 * procedure code billed on a date: in a procedure-code column of a row with a
 * date of service, or an X12 procedure element paired with its loop's date.
 * There "Not in CMS 2026 Q1" is an answer the biller needs (the line will be
 * denied); anywhere else an unknown code-shaped token gets no tooltip.
 */
import { HCPCS_CODE, type CodeCandidate } from '../../hcpcs/code-pipeline';
import type { LookupItem } from '../../hcpcs/tooltip-model';
import type { FoundCode } from '../finding/code-at-point';
import { roleOfField, roleOfText } from '../finding/field-context';
import { isCodeField } from '../finding/point-target';
import { serviceDateOfField, serviceDateOfText } from './service-date-of';

const X12_SOURCES: ReadonlySet<string> = new Set(['dtp-472', 'dtm-472', 'dtm-150-151']);

export function unlistedCode(candidate: CodeCandidate, at: FoundCode['at'], today: string): LookupItem | undefined {
  if (candidate.kind !== 'hcpcs' || !HCPCS_CODE.test(candidate.code)) return undefined;
  if ('field' in at) {
    if (!isCodeField(at.field) || roleOfField(at.field) !== 'code') return undefined;
    const service = serviceDateOfField(at.field, today);
    return service && !('unreadable' in service) ? { code: candidate.code, service } : undefined;
  }
  const service = serviceDateOfText(at.node, at.offset, today);
  if (!service || 'unreadable' in service) return undefined;
  // A line's own date only: a claim-level fallback period is not enough to call a token a billed code.
  if (X12_SOURCES.has(service.source) || (service.source !== 'dtp-434' && service.source !== 'dtm-232-233' && roleOfText(at.node) === 'code')) {
    return { code: candidate.code, service };
  }
  return undefined;
}
