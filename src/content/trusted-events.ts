/**
 * Only the user's own input counts. A page can dispatch pointer, key and
 * focus events of its own (isTrusted false): acted on, they would keep the
 * pointer from ever resting, dismiss the tooltip with a fake Escape, or show
 * tooltips the user never asked for, which tells the page the extension is
 * installed.
 */
export function trusted<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) handler(e);
  };
}
