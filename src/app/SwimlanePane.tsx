import { useEffect } from "react";
import { Swimlane } from "../features/swimlane";
import { useEffectiveTheme } from "./useEffectiveTheme";
import { selectAxis, selectCursorVt, selectIsRunning, selectSelectedTaskId, selectSelectTask, selectTrace, selectTraceVersion, useAppStore } from "../store";

/** Feeds the current run's trace to the swimlane. */
export function SwimlanePane() {
  const trace = useAppStore(selectTrace);
  const version = useAppStore(selectTraceVersion);
  const axis = useAppStore(selectAxis);
  const isRunning = useAppStore(selectIsRunning);
  const selectedTaskId = useAppStore(selectSelectedTaskId);
  const selectTask = useAppStore(selectSelectTask);
  const theme = useEffectiveTheme();
  const cursorVt = useAppStore(selectCursorVt);
  // Task ids are per run: a new run starts with nothing selected.
  useEffect(() => selectTask(undefined), [trace, selectTask]);
  return (
    <Swimlane store={trace} version={version} axis={axis} theme={theme} isLive={isRunning} selectedTaskId={selectedTaskId} onSelectTask={selectTask} cursorVt={cursorVt} />
  );
}
