/**
 * Only the user's own input and the browser's own events count. A page can
 * dispatch pointer, key, focus, scroll and message events of its own
 * (isTrusted false): acted on, they would keep the pointer from ever resting,
 * dismiss the tooltip with a fake Escape or scroll, place a frame's tooltip
 * from a forged `source`, or show tooltips the user never asked for, which
 * tells the page the extension is installed.
 */
export function trusted<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) handler(e);
  };
}
