/** Transport icons drawn as SVG: the system fonts of many machines lack ⏮ ⏭ and friends. */
export type PlaybackIconName = "start" | "back" | "play" | "pause" | "forward" | "end";

const PATHS: Readonly<Record<PlaybackIconName, string>> = {
  start: "M3 2h2v12H3zM14 2v12L6 8z",
  back: "M3 2h2v12H3zM13 3v10L7 8z",
  play: "M4 2l10 6-10 6z",
  pause: "M3 2h4v12H3zM9 2h4v12H9z",
  forward: "M11 2h2v12h-2zM3 3v10l6-5z",
  end: "M11 2h2v12h-2zM2 2v12l8-6z",
};

export function PlaybackIcon({ name }: { readonly name: PlaybackIconName }) {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
