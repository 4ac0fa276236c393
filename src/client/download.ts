/**
 * Save content as a file the user downloads: progress exports, the storage notice, submissions,
 * Anki cards, gradebook files and SCORM packages. Works offline and without storage: the file is
 * made in memory.
 */
export function downloadFile(parts: BlobPart[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save text as a file (JSON unless `type` says otherwise). */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  downloadFile([text], fileName, type);
}

/** Save a file made by pure code (`SavedFile`: name, type, content); nothing when there is none yet. */
export function saveFile(
  file: { name: string; type: string; content: string | Uint8Array } | undefined,
): void {
  if (file) downloadFile([file.content as BlobPart], file.name, file.type);
}
