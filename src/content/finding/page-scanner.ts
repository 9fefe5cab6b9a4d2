/**
 * The session's detection as marking and the code lists read a page with
 * it. Handed to those parts (parts/marking-part.ts, parts/code-lists-part.ts)
 * when the session uses them, so no part carries a second copy of the pipeline.
 */
import { findCodes, findSelectedCodes, resolveCandidate } from '../../hcpcs/code-pipeline';
import { roleOfField } from './field-context';
import { SLICE, codesInText, isHiddenText, newScanContext, slices, textWalker } from './page-scan';
import { fieldText, isCodeField } from './point-target';

export const pageScanner = { SLICE, codesInText, isHiddenText, newScanContext, slices, textWalker, resolveCandidate, findCodes, findSelectedCodes, roleOfField, fieldText, isCodeField };
export type PageScanner = typeof pageScanner;
