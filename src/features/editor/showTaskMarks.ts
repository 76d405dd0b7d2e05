/**
 * Keeps the editor's task marks in step with the playback cursor: a bar in each live task's colour
 * in the gutter of the line where it is, a faint highlight of that line, and a hover naming the
 * task and its state.
 */
import type { editor as MonacoEditorNs } from "monaco-editor/editor/editor.api";
import { selectCursorVt, type AppStore } from "../../store";
import type { Monaco } from "./monacoSetup";
import { taskMarksAt, type TaskMark } from "./taskMarks";

/** Marks drawn side by side in the gutter of one line; more tasks on the line share the last slot. */
const GUTTER_SLOTS = 3;

/** A faint highlight of the line and a bar in the task's colour in the gutter, with a hover. */
function decorationOf(monaco: Monaco, mark: TaskMark, slot: number): MonacoEditorNs.IModelDeltaDecoration {
  return {
    range: new monaco.Range(mark.line, 1, mark.line, 1),
    options: {
      isWholeLine: true,
      className: "task-mark-line",
      // task-mark-line-N lets a test find the marks of line N without reading pixels.
      linesDecorationsClassName: `task-mark task-mark--${mark.colour} task-mark-slot-${Math.min(slot, GUTTER_SLOTS - 1)} task-mark-line-${mark.line}`,
      linesDecorationsTooltip: `${mark.task}: ${mark.state}`,
      hoverMessage: { value: `**${mark.task}** is ${mark.state} here` },
    },
  };
}

/** Subscribes the editor to the cursor; returns the unsubscribe. */
export function showTaskMarks(monaco: Monaco, editor: MonacoEditorNs.IStandaloneCodeEditor, store: AppStore): () => void {
  const collection = editor.createDecorationsCollection();
  let shownKey = "";
  const update = () => {
    const state = store.getState();
    const marks = taskMarksAt(state.trace.lanes(), selectCursorVt(state));
    const key = marks.map((m) => `${m.line}:${m.task}:${m.state}`).join("|");
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
        return decorationOf(monaco, mark, slot);
      });
    collection.set(decorations);
  };
  update();
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.cursorVt !== prev.cursorVt || state.traceVersion !== prev.traceVersion) update();
  });
  return () => {
    unsubscribe();
    collection.clear();
  };
}
