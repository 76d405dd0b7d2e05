import { Swimlane } from "../features/swimlane";
import { selectAxis, selectTrace, selectTraceVersion, useAppStore } from "../store";

/** Feeds the current run's trace to the swimlane. */
export function SwimlanePane() {
  const trace = useAppStore(selectTrace);
  const version = useAppStore(selectTraceVersion);
  const axis = useAppStore(selectAxis);
  return <Swimlane store={trace} version={version} axis={axis} />;
}
