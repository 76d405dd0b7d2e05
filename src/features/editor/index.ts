export { CodeEditor } from "./CodeEditor";
