/**
 * Only the user's own input and the browser's own events count. A page can
 * dispatch pointer, key, focus, scroll and click events of its own
 * (isTrusted false): acted on, they would keep the pointer from ever resting,
 * dismiss the tooltip with a fake Escape or scroll, pin or close it, or show
 * tooltips the user never asked for, which tells the page the extension is
 * installed. (A page's `el.focus()` is trusted: see focus-intent.ts.)
 */
export function trusted<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) handler(e);
  };
}
