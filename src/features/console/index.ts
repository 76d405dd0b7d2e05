export { ConsolePanel } from "./ConsolePanel";
