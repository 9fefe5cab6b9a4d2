/**
 * Whether the user moved the focus to a field. A page's own `el.focus()`
 * produces a trusted focusin too: if that showed a tooltip, any page could
 * create `<input value="E1392">`, focus it, and see the extension's element
 * appear (and read the user's detail level). So a field's focus shows its
 * tooltip only right after the user's own Tab or Shift+Tab (sequential
 * navigation happens in the same task as the keydown), or a press on the
 * field or its <label>. Screen readers in browse mode move the focus without
 * either: their users ask for the field's tooltip with the extension's
 * keyboard command (background/show-tooltip-command.ts).
 *
 * Fed by the bootstrap's early listeners, handed over to the session with
 * the rest of what it noted.
 */

/** From a press to the focus it gives: a press on a label focuses its control on click, after the button is released. */
const PRESS_TO_FOCUS_MS = 1500;

export class FocusIntent {
  #tab = false;
  #pressed: Element | undefined;
  #pressedAt = -Infinity;

  /** A trusted keydown: Tab (with or without Shift) opens a window until the end of this task. */
  key(e: KeyboardEvent): void {
    if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
    this.#tab = true;
    setTimeout(() => (this.#tab = false), 0);
  }

  /** A trusted pointerdown: the element pressed. */
  press(e: PointerEvent): void {
    const target = e.composedPath()[0];
    this.#pressed = target instanceof Element ? target : undefined;
    this.#pressedAt = e.timeStamp;
  }

  /** Whether the focus just given to `field` (a trusted focusin at `at`) came from the user. */
  allows(field: Element, at: number): boolean {
    if (this.#tab) return true;
    const pressed = this.#pressed;
    if (!pressed || at - this.#pressedAt > PRESS_TO_FOCUS_MS) return false;
    if (field === pressed || field.contains(pressed)) return true;
    const label = pressed.closest('label');
    return label !== null && label.control === field;
  }
}
