// "Copy link": the page's address holds its state (link.ts), so copying it shares the page.
export function wireCopyLink(button: HTMLElement, note: HTMLElement, address: () => string): void {
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(address());
      note.textContent = 'Link copied';
    } catch {
      // No clipboard (an insecure origin, or permission refused): the address bar has the link.
      note.textContent = 'Copy the address bar: it holds this page as it is';
    }
    window.setTimeout(() => { note.textContent = ''; }, 4000);
  });
}
