/**
 * The session's detection as marking reads a page with it. Handed to the
 * marking part (parts/marking-part.ts) when the session creates the marker,
 * so the part carries no second copy of the pipeline.
 */
import { resolveCandidate } from '../../hcpcs/code-pipeline';
import { SLICE, codesInText, isHiddenText, newScanContext, slices, textWalker } from './page-scan';

export const pageScanner = { SLICE, codesInText, isHiddenText, newScanContext, slices, textWalker, resolveCandidate };
export type PageScanner = typeof pageScanner;
