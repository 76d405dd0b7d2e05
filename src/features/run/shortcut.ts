/** "⌘" on Apple keyboards, "Ctrl" elsewhere: how the Run shortcut is written in hints. */
export function runShortcutLabel(): string {
  const platform = typeof navigator === "undefined" ? "" : navigator.platform;
  return /Mac|iPhone|iPad/.test(platform) ? "⌘+Enter" : "Ctrl+Enter";
}
