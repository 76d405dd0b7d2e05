export { copyText } from "./copyText";
export { ShareButton } from "./ShareButton";
export { ShareDialog } from "./ShareDialog";
export { embedUrl, iframeSnippet, markdownLink, openInTasklineUrl, playgroundBase, shareUrl, type ShareInput } from "./shareText";
export { shareInputOf } from "./useShareInput";
