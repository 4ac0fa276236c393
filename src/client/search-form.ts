/**
 * A search form in a page (the 404 page), loaded by src/client/shell.ts only where there is one: it
 * opens the search dialog with its words.
 */
/**
 * Wire every `form[data-search-form]`: submitting opens the search dialog with its words; a field marked
 * `data-from-path` starts with the words of the address, which is usually what was looked for.
 */
export function wireSearchForms(openSearch: (from: HTMLElement, typed: string) => void): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-form]')) {
    const input = form.querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) continue;
    if (input.hasAttribute('data-from-path') && input.value === '')
      input.value = pathWords(location.pathname);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      openSearch(input, input.value.trim());
    });
  }
}

/** "/lessons/cyber-caliphat/" → "cyber caliphat": the last part of a path, as words. */
function pathWords(path: string): string {
  let last = path.split('/').filter(Boolean).pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // a malformed escape: use it as written
  }
  return last
    .replace(/\.html?$/, '')
    .replace(/[-_+.]+/g, ' ')
    .trim();
}
