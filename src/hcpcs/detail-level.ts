/**
 * How much a tooltip tells: brief (code, short description, status), standard
 * (what a clerk checks on a claim), full (every field of the CMS record).
 */
export const DETAIL_LEVELS = ['brief', 'standard', 'full'] as const;
export type DetailLevel = (typeof DETAIL_LEVELS)[number];
