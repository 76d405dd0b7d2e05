/**
 * Keeps the editor in step with playback and selection: a bar in each live task's colour in the
 * gutter of the line where it is at the cursor (the selected task's strongest), a faint highlight
 * of that line and a hover naming the task and its state; selecting a task reveals its line,
 * clicking a mark selects its task, and a traceback frame asked to be shown is revealed.
 */
import type { editor as MonacoEditorNs } from "monaco-editor/editor/editor.api";
import { LIVE_REFRESH_MS, selectCursorVt, selectIsTraceLive, type AppStore } from "../../store";
import type { Lane } from "../../model/types";
import type { Monaco } from "./monacoSetup";
import { GUTTER_SLOTS, marksToDraw, taskMarksAt, type TaskMark } from "./taskMarks";

/** A faint highlight of the line and a bar in the task's colour in the gutter, with a hover. */
function decorationOf(monaco: Monaco, mark: TaskMark, slot: number, isSelected: boolean): MonacoEditorNs.IModelDeltaDecoration {
  const selected = isSelected ? " task-mark--selected" : "";
  return {
    range: new monaco.Range(mark.line, 1, mark.line, 1),
    options: {
      isWholeLine: true,
      className: `task-mark-line${isSelected ? " task-mark-line--selected" : ""}`,
      // task-mark-line-N lets a test find the marks of line N without reading pixels.
      linesDecorationsClassName: `task-mark task-mark--${mark.colour} task-mark-slot-${Math.min(slot, GUTTER_SLOTS - 1)} task-mark-line-${mark.line}${selected}`,
      linesDecorationsTooltip: `${mark.task}: ${mark.state}`,
      hoverMessage: { value: `**${mark.task}** is ${mark.state} here` },
    },
  };
}

/**
 * While a run streams in or plays, the marks of this many lanes are found per task: a pass over
 * 10,000 lanes at a cursor behind the run's end is ~25 ms, too long for one task.
 */
export const MARKS_SLICE_LANES = 2_000;

/** Subscribes the editor to the cursor; returns the unsubscribe. */
export function showTaskMarks(monaco: Monaco, editor: MonacoEditorNs.IStandaloneCodeEditor, store: AppStore): () => void {
  const collection = editor.createDecorationsCollection();
  let shownKey = "";
  let shown: readonly TaskMark[] = [];
  const show = (found: readonly TaskMark[]) => {
    const state = store.getState();
    const selectedName = state.selectedTaskId === undefined ? undefined : state.trace.laneOf(state.selectedTaskId)?.name;
    const marks = marksToDraw(found, selectedName);
    shown = marks;
    const key = `${selectedName}|` + marks.map((m) => `${m.line}:${m.task}:${m.state}`).join("|");
    if (key === shownKey) return; // the cursor moved within the same states
    shownKey = key;
    const model = editor.getModel();
    if (model === null) return;
    const lineCount = model.getLineCount();
    const slots = new Map<number, number>();
    const decorations = marks
      .filter((mark) => mark.line <= lineCount)
      .map((mark) => {
        const slot = slots.get(mark.line) ?? 0;
        slots.set(mark.line, slot + 1);
        return decorationOf(monaco, mark, slot, mark.task === selectedName);
      });
    collection.set(decorations);
  };
  const update = () => {
    const state = store.getState();
    show(taskMarksAt(state.trace.lanes(), selectCursorVt(state)));
  };
  /** A pass over the lanes in slices, each in a task of its own, shown when done. */
  let pass: { readonly lanes: readonly Lane[]; readonly cursor: number; readonly found: TaskMark[]; next: number } | undefined;
  let sliceTimer: ReturnType<typeof setTimeout> | undefined;
  /** Something changed while a pass was under way: another pass follows it. */
  let changedDuringPass = false;
  const slice = () => {
    sliceTimer = undefined;
    if (pass === undefined) {
      const state = store.getState();
      pass = { lanes: state.trace.lanes(), cursor: selectCursorVt(state), found: [], next: 0 };
    }
    const to = Math.min(pass.lanes.length, pass.next + MARKS_SLICE_LANES);
    pass.found.push(...taskMarksAt(pass.lanes, pass.cursor, pass.next, to));
    pass.next = to;
    if (to < pass.lanes.length) {
      sliceTimer = setTimeout(slice, 0);
      return;
    }
    const { found } = pass;
    pass = undefined;
    show(found);
    if (changedDuringPass) {
      changedDuringPass = false;
      updateSoon(true);
    }
  };
  /** Shows the selected task's line (clicking a lane or segment reveals where that task is). */
  const revealSelected = () => {
    const state = store.getState();
    const lane = state.selectedTaskId === undefined ? undefined : state.trace.laneOf(state.selectedTaskId);
    if (lane === undefined) return;
    const line = shown.find((mark) => mark.task === lane.name)?.line ?? lane.createdLine;
    if (line > 0) editor.revealLineInCenterIfOutsideViewport(line);
  };
  // While a run streams in or plays, the marks (a pass over every lane) refresh a few times a
  // second rather than per batch or frame.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastUpdate = 0;
  const updateSoon = (live: boolean) => {
    if (!live) {
      clearTimeout(timer);
      timer = undefined;
      clearTimeout(sliceTimer);
      sliceTimer = undefined;
      pass = undefined;
      changedDuringPass = false;
      lastUpdate = performance.now();
      return update();
    }
    if (pass !== undefined) changedDuringPass = true;
    if (timer !== undefined || pass !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      lastUpdate = performance.now();
      slice();
    }, Math.max(0, lastUpdate + LIVE_REFRESH_MS - performance.now()));
  };
  update();
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.selectedTaskId !== prev.selectedTaskId) updateSoon(false);
    else if (state.cursorVt !== prev.cursorVt || state.traceVersion !== prev.traceVersion) updateSoon(selectIsTraceLive(state));
    if (state.selectedTaskId !== prev.selectedTaskId) revealSelected();
    if (state.revealRequest !== prev.revealRequest && state.revealRequest !== undefined) {
      editor.revealLineInCenter(state.revealRequest.line);
      editor.setPosition({ lineNumber: state.revealRequest.line, column: 1 });
    }
  });
  // Clicking a task's mark in the gutter selects that task (the next one on the line on a repeat click).
  const onMouseDown = editor.onMouseDown((event) => {
    if (event.target.type !== monaco.editor.MouseTargetType.GUTTER_LINE_DECORATIONS) return;
    const line = event.target.position?.lineNumber;
    const onLine = shown.filter((mark) => mark.line === line);
    if (onLine.length === 0) return;
    const state = store.getState();
    const lanes = state.trace.lanes();
    const current = onLine.findIndex((mark) => lanes.find((lane) => lane.id === state.selectedTaskId)?.name === mark.task);
    const next = onLine[(current + 1) % onLine.length]!;
    const lane = lanes.find((candidate) => candidate.name === next.task);
    if (lane !== undefined) state.selectTask(lane.id);
  });
  return () => {
    clearTimeout(timer);
    clearTimeout(sliceTimer);
    unsubscribe();
    onMouseDown.dispose();
    collection.clear();
  };
}
