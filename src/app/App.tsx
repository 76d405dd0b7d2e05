import { AutosaveNotice, type AutosaveController } from "../features/autosave";
import { ConsolePanel } from "../features/console";
import { CodeEditor } from "../features/editor";
import { Inspector, PstreePanel } from "../features/inspector";
import { GeneratorsPanel } from "../features/generators";
import { ProblemsPanel } from "../features/problems";
import { PlaybackBar } from "../features/playback";
import { RequestsPanel } from "../features/requests";
import { ExportMenu, ExportTraceButton } from "../features/export";
import { BootProgress, ClockModeSelect, RunSettings, RunButton, RunStatus, RunSummary, StopButton } from "../features/run";
import { Legend } from "../features/swimlane";
import type { AppStore } from "../store";
import { AxisToggle } from "./AxisToggle";
import { LinkNoticeBar } from "./LinkNoticeBar";
import type { LinkNotice } from "./openShareLink";
import { useT } from "../features/i18n";
import { HeaderTools } from "./HeaderTools";
import { Panel } from "./Panel";
import { SwimlanePane } from "./SwimlanePane";
import { useEffectiveTheme } from "./useEffectiveTheme";
import { useShareLinkNotice } from "./useShareLinkNotice";

/** The page: header with run controls, editor on the left, swimlane over console on the right. */
export function App({
  store,
  initialLinkNotice,
  autosave,
}: {
  readonly store: AppStore;
  readonly initialLinkNotice: LinkNotice;
  readonly autosave: AutosaveController;
}) {
  const link = useShareLinkNotice(store, initialLinkNotice);
  const theme = useEffectiveTheme();
  const t = useT();
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-header__name">Taskline</h1>
        <div className="app-header__controls">
          <RunButton />
          <StopButton />
          <ClockModeSelect />
          <RunSettings />
        </div>
        <RunStatus />
        <HeaderTools autosave={autosave} />
        <BootProgress />
      </header>
      <LinkNoticeBar notice={link.notice} onDismiss={link.dismiss} onBackToDraft={link.backToDraft} onKeepAsDraft={link.keepAsDraft} />
      <AutosaveNotice controller={autosave} />
      <main className="app-main">
        <Panel title={t("panel.program")} className="app-main__editor" footer={<RequestsPanel />}>
          <CodeEditor />
        </Panel>
        <div className="app-main__right">
          <Panel
            title={t("panel.timeline")}
            className="app-main__swimlane"
            tools={
              <>
                <Legend theme={theme} />
                <AxisToggle />
              </>
            }
            footer={<PlaybackBar />}
          >
            <SwimlanePane />
          </Panel>
          <div className="app-main__bottom">
            <Panel title={t("panel.console")} className="app-main__console" tools={
                <>
                  <ExportTraceButton />
                  <ExportMenu theme={theme} />
                </>
              } footer={<RunSummary />}>
              <ConsolePanel />
            </Panel>
            <Panel title={t("panel.cursor")} className="app-main__inspector">
              <div className="app-main__inspector-body">
                <ProblemsPanel />
                <GeneratorsPanel />
                <Inspector />
                <PstreePanel />
              </div>
            </Panel>
          </div>
        </div>
      </main>
    </div>
  );
}
