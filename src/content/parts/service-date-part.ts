/**
 * The date-of-service check (service-date/): finding a code's date of
 * service in its row, form line or X12 loop, the code the release lacks
 * billed on a date, and what marking needs to mark the codes not valid on
 * their row's date (service-date/date-marks.ts).
 * Asked for only with the check on, where the page has a structure that can
 * carry a date (service-date/date-places.ts).
 */
import { localIsoDate } from '../../hcpcs/dates';
import type { CodeCandidate } from '../../hcpcs/code-pipeline';
import type { ServiceDate } from '../../hcpcs/service-date';
import type { LookupItem } from '../../hcpcs/tooltip-model';
import type { FoundCode } from '../finding/code-at-point';
import { serviceVerdict } from '../../hcpcs/service-date-verdict';
import { newDateContext, serviceDateOfField, serviceDateOfText } from '../service-date/service-date-of';
import { unlistedCode } from '../service-date/unlisted-code';
import { registerPart } from './part-registry';

const exports = {
  /** The date of service of the code at `at`, as of today's calendar (two-digit years). */
  serviceDateAt(at: FoundCode['at']): ServiceDate | undefined {
    const today = localIsoDate();
    return 'field' in at ? serviceDateOfField(at.field, today) : serviceDateOfText(at.node, at.offset, today);
  },
  unlistedCode(candidate: CodeCandidate, at: FoundCode['at']): LookupItem | undefined {
    return unlistedCode(candidate, at, localIsoDate());
  },
  today: localIsoDate,
  newDateContext,
  serviceDateOfText,
  serviceVerdict,
};
export type ServiceDatePart = typeof exports;

registerPart('service-date', exports);
