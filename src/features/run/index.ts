export { BootProgress } from "./BootProgress";
export { ClockModeSelect } from "./ClockModeSelect";
export { RunButton } from "./RunButton";
export { RunStatus } from "./RunStatus";
export { RunSummary } from "./RunSummary";
export { StopButton } from "./StopButton";
export { describeProgramError, describeStatus, stopMessage, type StatusView, type StatusState } from "./statusView";
export { RunSettings } from "./RunSettings";
