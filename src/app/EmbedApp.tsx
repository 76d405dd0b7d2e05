import { ConsolePanel } from "../features/console";
import { CodeEditor } from "../features/editor";
import { useT } from "../features/i18n";
import { PlaybackBar } from "../features/playback";
import { BootProgress, RunButton, RunStatus, StopButton } from "../features/run";
import { useAppStoreApi } from "../store";
import { describeLinkError } from "./LinkNoticeBar";
import { OpenInTasklineLink } from "./OpenInTasklineLink";
import type { LinkNotice } from "./openShareLink";
import { SwimlanePane } from "./SwimlanePane";
import { useGlobalShortcuts } from "./useGlobalShortcuts";

/**
 * The compact page for `?embed=1` (an iframe in a blog post): Run and Stop, the editor, the
 * swimlane with its playback bar (the replay needs its clock) and the console, and a link to the full playground. No gallery, history, share or
 * help, and no autosave: an embed never reads or writes the reader's draft (main.tsx does not
 * start autosave for it).
 */
export function EmbedApp({ notice }: { readonly notice: LinkNotice }) {
  const t = useT();
  const store = useAppStoreApi();
  useGlobalShortcuts((action) => {
    if (action === "run") store.getState().startRun();
    else if (action === "stop") store.getState().stopRun();
  });
  return (
    <div className="embed" data-testid="embed">
      <header className="embed-bar">
        <RunButton />
        <StopButton />
        <RunStatus />
        <OpenInTasklineLink />
        <BootProgress />
      </header>
      {notice.kind === "error" && (
        <div className="embed-error" role="alert">
          <span data-testid="link-error" data-error={notice.error}>
            {t("link.error", { message: describeLinkError(t, notice.error) })}
          </span>
        </div>
      )}
      <main className="embed-main">
        <section className="embed-main__editor" aria-label={t("panel.program")}>
          <CodeEditor />
        </section>
        <section className="embed-main__swimlane" aria-label={t("panel.timeline")}>
          <div className="embed-main__lanes">
            <SwimlanePane />
          </div>
          <PlaybackBar />
        </section>
        <section className="embed-main__console" aria-label={t("panel.console")}>
          <ConsolePanel />
        </section>
      </main>
    </div>
  );
}
