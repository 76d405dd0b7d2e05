export { ExportMenu } from "./ExportMenu";
export { ExportTraceButton } from "./ExportTraceButton";
