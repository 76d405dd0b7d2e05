import { ConsolePanel } from "../features/console";
import { CodeEditor } from "../features/editor";
import { BootProgress, ClockModeSelect, ExportTraceButton, RunButton, RunStatus, RunSummary, StopButton } from "../features/run";
import { Legend } from "../features/swimlane";
import type { AppStore } from "../store";
import { AxisToggle } from "./AxisToggle";
import { LinkNoticeBar } from "./LinkNoticeBar";
import type { LinkNotice } from "./openShareLink";
import { Panel } from "./Panel";
import { SwimlanePane } from "./SwimlanePane";
import { useShareLinkNotice } from "./useShareLinkNotice";

/** The page: header with run controls, editor on the left, swimlane over console on the right. */
export function App({ store, initialLinkNotice }: { readonly store: AppStore; readonly initialLinkNotice: LinkNotice }) {
  const [linkNotice, dismissLinkNotice] = useShareLinkNotice(store, initialLinkNotice);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-header__name">Taskline</h1>
        <div className="app-header__controls">
          <RunButton />
          <StopButton />
          <ClockModeSelect />
        </div>
        <RunStatus />
        <BootProgress />
      </header>
      <LinkNoticeBar notice={linkNotice} onDismiss={dismissLinkNotice} />
      <main className="app-main">
        <Panel title="Program" className="app-main__editor">
          <CodeEditor />
        </Panel>
        <div className="app-main__right">
          <Panel
            title="Timeline"
            className="app-main__swimlane"
            tools={
              <>
                <Legend />
                <AxisToggle />
              </>
            }
          >
            <SwimlanePane />
          </Panel>
          <Panel title="Console" className="app-main__console" tools={<ExportTraceButton />} footer={<RunSummary />}>
            <ConsolePanel />
          </Panel>
        </div>
      </main>
    </div>
  );
}
