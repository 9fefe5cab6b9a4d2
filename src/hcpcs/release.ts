import { addMonths, isIsoDate } from './dates';

/** Which CMS quarterly release a dataset was converted from. */
export interface ReleaseInfo {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First day of the quarter the release is for (ISO date). */
  effective: string;
  /** Name of the CMS file the dataset was converted from. */
  sourceFile: string;
  /** sha256 of that file, so anyone can check which bytes the dataset came from. */
  sourceSha256: string;
  /** Name of the record layout file whose code tables the dataset carries. */
  layoutFile: string;
  /** Name of the processing-notes file, when the release had one. */
  notesFile: string;
  codes: number;
  modifiers: number;
}

/** "2026 Q1": how billing staff and CMS name a quarterly release. */
export function releaseLabel(release: Pick<ReleaseInfo, 'year' | 'quarter'>): string {
  return `${release.year} Q${release.quarter}`;
}

/** The first day of the quarter after the release: when CMS publishes the next one. */
export function nextReleaseDate(release: Pick<ReleaseInfo, 'effective'>): string {
  return addMonths(release.effective, 3);
}

/**
 * A plain sentence when newer CMS data exists, else undefined. HCPCS changes
 * every quarter; a clerk must know when the answer may be out of date.
 */
export function staleNotice(release: ReleaseInfo, today: string): string | undefined {
  if (!isIsoDate(today)) return undefined;
  const next = nextReleaseDate(release);
  if (today < next) return undefined;
  return `Newer CMS data exists: this is the ${releaseLabel(release)} release, and CMS has published quarterly updates since ${next}. Load the newest CMS file in the options (CMS data), or update the extension.`;
}

export const QUARTER_MONTHS = { 1: 'JAN', 2: 'APR', 3: 'JUL', 4: 'OCT' } as const;

/** Orders releases by quarter: negative when `a` is older than `b`, 0 for the same quarter. */
export function compareReleases(a: Pick<ReleaseInfo, 'year' | 'quarter'>, b: Pick<ReleaseInfo, 'year' | 'quarter'>): number {
  return a.year - b.year || a.quarter - b.quarter;
}
