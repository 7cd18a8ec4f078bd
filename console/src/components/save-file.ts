/** Hands a file the server produced (a letter, a bundle) to the browser's download, by name. */
export function saveFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or the download would find nothing.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1_000);
}
