/** What the share link is built from, read from the store at the moment of sharing. */
import { useCallback } from "react";
import { selectPlacedCursorVt, useAppStoreApi, type AppState } from "../../store";
import type { ShareInput } from "./shareText";

export function shareInputOf(state: AppState): ShareInput {
  const buffer = state.buffer;
  return {
    source: state.currentSource(),
    clock: state.clockMode,
    axis: state.axis,
    exampleId: buffer.kind === "borrowed" ? buffer.origin.exampleId : undefined,
    cursorVt: selectPlacedCursorVt(state),
  };
}

export function useShareInput(): () => ShareInput {
  const store = useAppStoreApi();
  return useCallback(() => shareInputOf(store.getState()), [store]);
}
