import { formatDate } from './dates';
import { releaseLabel, type ReleaseInfo } from './release';

/**
 * "CMS HCPCS 2026 Q2", and "(effective Apr 1, 2026)" while today is before the
 * release's first day: CMS posts a quarter weeks ahead, and until that day the
 * tooltips still show the records it replaces (change-history.ts).
 */
export function releaseName(release: Pick<ReleaseInfo, 'year' | 'quarter' | 'effective'>, today: string, prefix = 'CMS HCPCS'): string {
  const pending = today < release.effective ? ` (effective ${formatDate(release.effective)})` : '';
  return `${prefix} ${releaseLabel(release)}${pending}`;
}
