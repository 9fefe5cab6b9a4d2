/** Copies text and says so in a live region, for sighted and screen-reader users alike. */
export function makeCopier(doc: Document): (text: string, what: string) => void {
  const toast = doc.getElementById('toast')!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const say = (message: string) => {
    toast.textContent = message;
    toast.classList.add('is-shown');
    clearTimeout(timer);
    timer = setTimeout(() => toast.classList.remove('is-shown'), 1800);
  };
  return (text, what) => {
    navigator.clipboard.writeText(text).then(
      () => say(`Copied ${what}`),
      () => say('Could not copy: the browser refused access to the clipboard.'),
    );
  };
}
