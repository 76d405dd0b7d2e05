export { AutosaveNotice } from "./AutosaveNotice";
export { newTabId, startAutosave, type AutosaveController, type AutosaveEnv } from "./autosaveController";
export { DRAFT_KEY, type StoragePort } from "./draftStorage";
export { HistoryMenu } from "./HistoryMenu";
