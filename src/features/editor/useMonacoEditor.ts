/**
 * Creates one Monaco editor in `host` per mount and wires it to the store: edits flow out through
 * a debounced `setSource`, the live text is readable at once through `attachSourceReader`, outside
 * loads arrive as `setValue`, the last run's error becomes a marker, Ctrl/⌘+Enter runs.
 */
import { useEffect, useState, type RefObject } from "react";
import { selectProgramError, useAppStoreApi, type AppStore } from "../../store";
import { debounce } from "./debounce";
import { errorMarker } from "./errorMarkers";
import { loadMonaco } from "./loadMonaco";
import { showTaskMarks } from "./showTaskMarks";
import type { Monaco } from "./monacoSetup";

/** Edits reach the store at most this often; Run and getSource() read the live text anyway. */
const SOURCE_DEBOUNCE_MS = 150;
const MARKER_OWNER = "taskline";
const DARK_QUERY = "(prefers-color-scheme: dark)";

export type EditorLoadState = { readonly kind: "loading" } | { readonly kind: "loaded" } | { readonly kind: "failed"; readonly message: string };

export function useMonacoEditor(host: RefObject<HTMLDivElement | null>): EditorLoadState {
  const store = useAppStoreApi();
  const [loadState, setLoadState] = useState<EditorLoadState>({ kind: "loading" });

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    let cleanup: (() => void) | undefined;
    let disposed = false;
    loadMonaco().then(
      (monaco) => {
        if (disposed) return;
        cleanup = mountEditor(monaco, element, store);
        setLoadState({ kind: "loaded" });
      },
      (error: unknown) => {
        if (!disposed) setLoadState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      disposed = true;
      cleanup?.();
    };
  }, [host, store]);

  return loadState;
}

/** Builds the editor and its subscriptions; returns their teardown. */
function mountEditor(monaco: Monaco, element: HTMLElement, store: AppStore): () => void {
  const dark = window.matchMedia(DARK_QUERY);
  const model = monaco.editor.createModel(store.getState().source, "python");
  const editor = monaco.editor.create(element, {
    model,
    theme: monacoTheme(store, dark),
    automaticLayout: true,
    fontSize: 13,
    lineHeight: 20,
    tabSize: 4,
    insertSpaces: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fixedOverflowWidgets: true,
    renderLineHighlight: "line",
    quickSuggestions: false,
    wordBasedSuggestions: "off",
    padding: { top: 8 },
    lineDecorationsWidth: 16, // room for three task marks side by side (showTaskMarks.ts)
    ariaLabel: "Python program",
  });

  const pushSource = debounce((text: string) => store.getState().setSource(text), SOURCE_DEBOUNCE_MS);
  const onEdit = model.onDidChangeContent(() => {
    pushSource(model.getValue());
    monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
  });
  store.getState().attachSourceReader(() => model.getValue());

  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => {
    store.getState().startRun();
  });

  const showError = () => {
    const error = selectProgramError(store.getState());
    const marker = error === undefined ? undefined : errorMarker(error, model.getLinesContent());
    monaco.editor.setModelMarkers(model, MARKER_OWNER, marker === undefined ? [] : [{ ...marker, severity: monaco.MarkerSeverity.Error }]);
    if (marker !== undefined) editor.revealLineInCenterIfOutsideViewport(marker.startLineNumber);
  };
  showError();

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.sourceLoadId !== prev.sourceLoadId && state.source !== model.getValue()) {
      pushSource.cancel();
      editor.setValue(state.source);
    }
    if (state.runStatus !== prev.runStatus) showError();
  });

  const hideTaskMarks = showTaskMarks(monaco, editor, store);

  const followScheme = () => monaco.editor.setTheme(monacoTheme(store, dark));
  dark.addEventListener("change", followScheme);
  const unsubscribeTheme = store.subscribe((state, prev) => state.themeChoice !== prev.themeChoice && followScheme());

  return () => {
    dark.removeEventListener("change", followScheme);
    unsubscribeTheme();
    hideTaskMarks();
    unsubscribe();
    pushSource.flush();
    store.getState().attachSourceReader(undefined);
    onEdit.dispose();
    editor.dispose();
    model.dispose();
  };
}

/** The person's theme choice, or the system's when they chose "system". */
function monacoTheme(store: AppStore, dark: MediaQueryList): "vs" | "vs-dark" {
  const choice = store.getState().themeChoice;
  return choice === "dark" || (choice === "system" && dark.matches) ? "vs-dark" : "vs";
}
