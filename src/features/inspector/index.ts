export { Inspector } from "./Inspector";
export { PstreePanel } from "./PstreePanel";
