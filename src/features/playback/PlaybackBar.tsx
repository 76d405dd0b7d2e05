import type { ChangeEvent } from "react";
import { formatDuration } from "../../model/timeFormat";
import {
  PLAYBACK_SPEEDS,
  selectCursorVt,
  selectHasTrace,
  selectIsFollowingLive,
  selectIsPlaying,
  selectPlaybackSpeed,
  selectTraceVersion,
  useAppStore,
  useAppStoreApi,
  type PlaybackSpeed,
} from "../../store";
import { useT } from "../i18n";
import { PlaybackIcon } from "./PlaybackIcon";
import { usePlaybackClock } from "./usePlaybackClock";
import { usePlaybackKeys } from "./usePlaybackKeys";

/** Scrubber resolution: the range input moves in thousandths of the run. */
const SCRUB_STEPS = 1000;

const speedLabel = (speed: PlaybackSpeed) => (speed === "auto" ? "auto" : `${speed}×`);

/** Play, pause, step and scrub through the run like a video; the cursor is the scrubber. */
export function PlaybackBar() {
  usePlaybackClock();
  usePlaybackKeys();
  const store = useAppStoreApi();
  useAppStore(selectTraceVersion); // re-render as the run grows
  const cursor = useAppStore(selectCursorVt);
  const isPlaying = useAppStore(selectIsPlaying);
  const isFollowing = useAppStore(selectIsFollowingLive);
  const speed = useAppStore(selectPlaybackSpeed);
  const hasTrace = useAppStore(selectHasTrace);
  const end = store.getState().trace.endTime;
  const s = store.getState();
  const t = useT();

  const handleScrub = (event: ChangeEvent<HTMLInputElement>) => {
    s.setCursor((Number(event.target.value) / SCRUB_STEPS) * end);
  };
  const handleSpeed = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    s.setSpeed(value === "auto" ? "auto" : (Number(value) as PlaybackSpeed));
  };

  return (
    <div className="playback-bar" role="group" aria-label={t("playback.group")}>
      <button type="button" className="playback-bar__button" onClick={s.jumpToStart} disabled={!hasTrace} title={`${t("playback.start")} (Home)`} aria-label={t("playback.start")}>
        <PlaybackIcon name="start" />
      </button>
      <button type="button" className="playback-bar__button" data-testid="step-back" onClick={s.stepBack} disabled={!hasTrace} title={`${t("playback.back")} (←)`} aria-label={t("playback.back")}>
        <PlaybackIcon name="back" />
      </button>
      <button
        type="button"
        className="playback-bar__button playback-bar__play"
        data-testid="play"
        onClick={s.togglePlay}
        disabled={!hasTrace}
        aria-pressed={isPlaying}
        title={`${t("playback.play")} / ${t("playback.pause")} (Space)`}
        aria-label={isPlaying ? t("playback.pause") : t("playback.play")}
      >
        <PlaybackIcon name={isPlaying ? "pause" : "play"} />
      </button>
      <button type="button" className="playback-bar__button" data-testid="step-forward" onClick={s.stepForward} disabled={!hasTrace} title={`${t("playback.forward")} (→)`} aria-label={t("playback.forward")}>
        <PlaybackIcon name="forward" />
      </button>
      <button type="button" className="playback-bar__button" onClick={s.jumpToEnd} disabled={!hasTrace} title={`${t("playback.end")} (End)`} aria-label={t("playback.end")}>
        <PlaybackIcon name="end" />
      </button>
      <input
        type="range"
        className="playback-bar__scrubber"
        data-testid="cursor"
        data-vt={String(cursor)}
        min={0}
        max={SCRUB_STEPS}
        step={1}
        value={end > 0 ? Math.round((cursor / end) * SCRUB_STEPS) : 0}
        onChange={handleScrub}
        disabled={!hasTrace}
        aria-label={t("playback.cursor")}
        aria-valuetext={`t = ${formatDuration(cursor)} of ${formatDuration(end)}`}
      />
      <span className="playback-bar__time" aria-hidden="true">
        {formatDuration(cursor)} / {formatDuration(end)}
      </span>
      <label className="playback-bar__speed">
        <span className="visually-hidden">{t("playback.speed")}</span>
        <select value={String(speed)} onChange={handleSpeed} title={t("playback.speedTitle")}>
          {PLAYBACK_SPEEDS.map((option) => (
            <option key={String(option)} value={String(option)}>
              {speedLabel(option)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="playback-bar__button" onClick={s.followLive} aria-pressed={isFollowing} disabled={!hasTrace} title={t("playback.liveTitle")}>
        {t("playback.live")}
      </button>
    </div>
  );
}
