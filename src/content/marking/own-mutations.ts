/** Whether a mutation record is only the extension's own host (the tooltip's) being added, moved or removed: no code on the page changed. */
export function onlyHost(r: MutationRecord, host: Element | undefined): boolean {
  if (!host) return false;
  for (const n of r.addedNodes) if (n !== host) return false;
  for (const n of r.removedNodes) if (n !== host) return false;
  return true;
}
