/** Saves `content` as a file through a temporary `<a download>`. */
export function downloadFile(fileName: string, content: string | Blob, mimeType: string): void {
  const blob = typeof content === "string" ? new Blob([content], { type: mimeType }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; give them time before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
