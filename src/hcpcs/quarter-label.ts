/** "2026 Q2": the quarter a date (ISO) falls in, as billing staff and CMS name quarterly releases. */
export function quarterLabel(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)} Q${Math.floor((month - 1) / 3) + 1}`;
}
