/** Asks for a PDF's password in the viewer's own form (a modal dialog). */
import type { PasswordAsker } from './load-pdf';

export function passwordPrompt(doc: Document): PasswordAsker {
  const dialog = doc.getElementById('password-dialog') as HTMLDialogElement;
  const form = dialog.querySelector('form')!;
  const input = doc.getElementById('password') as HTMLInputElement;
  const note = doc.getElementById('password-note')!;
  return {
    ask(again) {
      note.textContent = again ? 'That password is not right. Try again.' : 'This PDF is protected by a password.';
      input.value = '';
      dialog.showModal();
      return new Promise((resolve) => {
        const done = (value: string | undefined) => {
          form.removeEventListener('submit', onSubmit);
          dialog.removeEventListener('cancel', onCancel);
          dialog.close();
          resolve(value);
        };
        const onSubmit = (e: SubmitEvent) => {
          e.preventDefault();
          done((e.submitter as HTMLButtonElement | null)?.value === 'cancel' ? undefined : input.value);
        };
        const onCancel = () => done(undefined);
        form.addEventListener('submit', onSubmit);
        dialog.addEventListener('cancel', onCancel);
      });
    },
  };
}
