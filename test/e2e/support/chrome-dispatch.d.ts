/**
 * Chromium's extension events have a dispatch() method that runs the
 * listeners of the context it is called in; @types/chrome does not declare
 * it. Tests use it in the worker to deliver a keyboard command or a
 * context-menu click, which automation cannot trigger.
 */
declare namespace chrome.events {
  interface Event<T extends (...args: any) => void> {
    dispatch(...args: Parameters<T>): void;
  }
}
