export { RequestsPanel } from "./RequestsPanel";
