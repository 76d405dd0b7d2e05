/**
 * Human-readable virtual durations and instants. Units adapt to the magnitude (µs, ms, s, min, h)
 * and numbers keep at most three significant digits, so labels stay short on the swimlane.
 */

const UNITS = [
  { suffix: "µs", seconds: 1e-6 },
  { suffix: "ms", seconds: 1e-3 },
  { suffix: "s", seconds: 1 },
] as const;

/** `x` with at most three significant digits and no trailing zeros ("1.5", "250", "0.001"). */
function short(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/** A span of virtual seconds, e.g. "0 s", "500 µs", "250 ms", "1.5 s", "1 min 30 s", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  if (seconds === 0) return "0 s";
  if (seconds < 59.95) {
    // Pick the unit after rounding, so 0.9996 s reads "1 s", not "1000 ms".
    for (const unit of UNITS) {
      const value = Number((seconds / unit.seconds).toPrecision(3));
      if (value < 1000 || unit.suffix === "s") return `${short(value)} ${unit.suffix}`;
    }
  }
  const tenths = Math.round(seconds * 10);
  const totalMinutes = Math.floor(tenths / 600);
  const rest = (tenths - totalMinutes * 600) / 10;
  if (totalMinutes >= 60) {
    const hours = Math.floor(totalMinutes / 60);
    const minutes = totalMinutes % 60;
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  return rest === 0 ? `${totalMinutes} min` : `${totalMinutes} min ${rest} s`;
}

/** A point in virtual time, e.g. "t = 0.0 s", "t = 1.0 s", "t = 0.25 s", "t = 1 min 30 s". */
export function formatVirtualTime(seconds: number): string {
  if (!Number.isFinite(seconds)) return `t = ${seconds}`;
  if (Math.abs(seconds) >= 60) return `t = ${formatDuration(seconds)}`;
  // Up to microsecond precision, at least one decimal so it reads as an instant, not a span.
  let text = String(Number(seconds.toFixed(6)));
  if (!text.includes(".") && !text.includes("e")) text += ".0";
  return `t = ${text} s`;
}

/**
 * A tick formatter for an axis over [0, max] seconds whose ticks are `step` apart: one unit for
 * every tick (so "200 ms, 400 ms", or "0.5 s, 1 s, 1.5 s"), switching to `formatDuration` past a
 * minute.
 */
export function tickFormat(maxSeconds: number, stepSeconds: number): (seconds: number) => string {
  const max = Math.abs(maxSeconds);
  if (max >= 60) return formatDuration;
  const unit = max >= 1 ? UNITS[2] : max >= 1e-3 ? UNITS[1] : UNITS[0];
  const stepInUnit = stepSeconds > 0 ? stepSeconds / unit.seconds : 1;
  const decimals = Math.min(6, Math.max(0, Math.ceil(-Math.log10(stepInUnit) - 1e-9)));
  return (seconds) => `${Number((seconds / unit.seconds).toFixed(decimals))} ${unit.suffix}`;
}
