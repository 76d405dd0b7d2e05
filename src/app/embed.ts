/** Whether the page was opened as an embed (`?embed=1`, the iframe the share dialog produces). */
export function isEmbedPage(search: string): boolean {
  return new URLSearchParams(search).get("embed") === "1";
}
