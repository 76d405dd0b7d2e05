/**
 * A lane's waiting intervals as a short JSON text, carried by its label (`data-waiting`) so a test
 * or a script can check what is drawn without reading pixels: `[[start, end], ...]` in virtual
 * seconds, rounded to the microsecond, at most {@link MAX_INTERVALS} of them.
 */
import type { Lane } from "../../model/types";

export const MAX_INTERVALS = 32;

const cache = new WeakMap<Lane, string>();

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function waitingIntervals(lane: Lane): string {
  const hit = cache.get(lane);
  if (hit !== undefined) return hit;
  const out: [number, number][] = [];
  for (const s of lane.segments) {
    if (s.state !== "waiting") continue;
    const last = out[out.length - 1];
    // Back-to-back waits (sleep then await) read as one interval.
    if (last !== undefined && last[1] === round(s.start)) last[1] = round(s.end);
    else out.push([round(s.start), round(s.end)]);
    if (out.length >= MAX_INTERVALS) break;
  }
  const text = JSON.stringify(out);
  cache.set(lane, text);
  return text;
}
