/** Copies text to the clipboard; false when the browser refuses (the caller tells the user to copy by hand). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The app's address with a hash: a link others can open. */
export function linkTo(hash: string): string {
  return `${window.location.origin}${window.location.pathname}${hash}`;
}
