// npm run bench:loop — scheduler throughput with full tracing, side by side with native CPython.
//
// Each workload runs (1) in Pyodide in Node on Taskline's VirtualLoop with the recorder on, as the
// worker runs it (realistic clock, the page's default), and (2) in the machine's native `python3`
// on the stock asyncio loop without any tracing. Both are timed around the program only
// (interpreter start-up excluded), in CPU time of the process (the verdict) and in wall-clock time.
// Each side is the least disturbed of several runs (traced: best of 2, native: best of 3). CPU
// time, because on a shared machine wall time also measures the other processes (either side can
// lose half its wall time to them); it is conservative for Taskline, whose CPU time includes V8's
// own helper threads. On an idle machine the two ratios agree within a few per cent.
// For the sleep(0) workload it also times the same program on VirtualLoop with nothing recorded
// (context: the ceiling the interpreter sets before any tracing, and what tracing adds per step).
// Also counts the trace: rows per step and the bytes per step the worker posts to the page (five
// columns of 21 B per row + the details' JSON).
//
// Prints a Markdown table in the shape of issue #8 (figure | measured | native/target | verdict),
// ready to paste into BENCHMARKS.md. `--json` also prints the raw numbers as one JSON line.
import { execFileSync } from "node:child_process";
import { bootPyodide } from "./pyodide-node.mjs";

const WORKLOADS = [
  {
    key: "sleep0",
    figure: "scheduler throughput, 10,000 tasks × 100 `sleep(0)` (1M steps)",
    source: `
import asyncio
async def worker():
    for _ in range(100):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*(worker() for _ in range(10_000)))
asyncio.run(main())
`,
  },
  {
    key: "random",
    figure: "scheduler throughput, 10,000 tasks × 10 random sleeps",
    source: `
import asyncio, random
rng = random.Random(1)
async def worker(delays):
    for d in delays:
        await asyncio.sleep(d)
async def main():
    await asyncio.gather(*(worker([rng.random() * 0.01 for _ in range(10)]) for _ in range(10_000)))
asyncio.run(main())
`,
  },
  {
    key: "queue",
    figure: "scheduler throughput, 200k-item Queue pipeline",
    source: `
import asyncio
async def producer(q):
    for i in range(200_000):
        await q.put(i)
    await q.put(None)
async def consumer(q):
    total = 0
    while (item := await q.get()) is not None:
        total += item
    return total
async def main():
    q = asyncio.Queue(maxsize=100)
    await asyncio.gather(producer(q), consumer(q))
asyncio.run(main())
`,
  },
];

/** Throughput target: traced Taskline vs untraced native, same workload. */
const RATIO_TARGET = 0.5;
/** Trace size target, bytes per step. */
const BYTES_TARGET = 16;
/** Bytes of one row on the wire: kind u8, task/x/y i32, t f64. */
const ROW_BYTES = 1 + 4 + 4 + 4 + 8;

/** Native python3 on the stock loop, best of 3: {wall, cpu} seconds. */
function native(source) {
  const timer = [
    "import time, sys",
    "src = sys.stdin.read()",
    "w0, c0 = time.perf_counter(), time.process_time()",
    'exec(compile(src, "bench", "exec"), {"__name__": "__main__"})',
    "print(time.perf_counter() - w0, time.process_time() - c0)",
  ].join("\n");
  const runs = [0, 1, 2].map(() => execFileSync("python3", ["-c", timer], { input: source }).toString().trim().split(" ").map(Number));
  return { wall: Math.min(...runs.map((r) => r[0])), cpu: Math.min(...runs.map((r) => r[1])) };
}

const pyodide = await bootPyodide({ quiet: true });
pyodide.runPython(`
import json
from taskline import install, run_program
from taskline.recorder import ROW_DOUBLES
install()
def bench(source):
    stored = {"rows": 0, "bytes": 0}
    def flush(rows, details):
        n = len(rows) // ROW_DOUBLES
        stored["rows"] += n
        # As the worker posts them (src/worker/bridge.py, worker.ts): five columns + details as JSON.
        stored["bytes"] += n * ${ROW_BYTES} + len(json.dumps(details, ensure_ascii=False).encode())
    budget = {"maxSteps": 10**8, "maxTasks": 10**6, "virtualHorizonS": 10**9, "maxOutputBytes": 10**8}
    import taskline.clock as c
    start = c.REAL_PERF_COUNTER()
    end = run_program(source, {"clock": "realistic", "budget": budget}, flush)
    elapsed = c.REAL_PERF_COUNTER() - start
    return json.dumps({"status": end["status"], "steps": end["totals"]["steps"], "seconds": elapsed, **stored})

def untraced(source):
    """The same program on VirtualLoop with no session (nothing recorded), on the realistic clock:
    what the interpreter and the loop cost before any tracing, the ceiling tracing works under."""
    import asyncio.events as events
    import taskline.clock as c
    c.CLOCK.reset(realistic=True)
    saved = events._get_running_loop()
    events._set_running_loop(None)  # Pyodide's own loop counts as running
    try:
        start = c.REAL_PERF_COUNTER()
        exec(compile(source, "bench", "exec"), {"__name__": "__main__"})
        return c.REAL_PERF_COUNTER() - start
    finally:
        events._set_running_loop(saved)
`);
const bench = pyodide.globals.get("bench");
const untracedRun = pyodide.globals.get("untraced");

/** The untraced program in Pyodide, best of 2: {wall, cpu} seconds. */
function untraced(source) {
  let best;
  for (let i = 0; i < 2; i++) {
    const cpu0 = process.cpuUsage();
    const wall = untracedRun(source);
    const used = process.cpuUsage(cpu0);
    const run = { wall, cpu: (used.user + used.system) / 1e6 };
    best = best === undefined ? run : { wall: Math.min(best.wall, run.wall), cpu: Math.min(best.cpu, run.cpu) };
  }
  return best;
}

/** Traced runs in Pyodide, best of 2: steps, rows, bytes, wall and CPU seconds. */
function traced(source) {
  let best;
  for (let i = 0; i < 2; i++) {
    const cpu0 = process.cpuUsage();
    const result = JSON.parse(bench(source));
    const used = process.cpuUsage(cpu0);
    const run = { ...result, cpu: (used.user + used.system) / 1e6 };
    best = best === undefined ? run : { ...run, seconds: Math.min(best.seconds, run.seconds), cpu: Math.min(best.cpu, run.cpu) };
  }
  return best;
}

const pythonVersion = execFileSync("python3", ["--version"]).toString().trim();
const pyodideCPython = pyodide.runPython("import sys; sys.version.split()[0]");
const fmt = (n) => Math.round(n).toLocaleString("en-US");
const results = [];
for (const w of WORKLOADS) {
  const t = traced(w.source);
  if (t.status !== "done") throw new Error(`${w.key}: run ended ${t.status}`);
  const n = native(w.source);
  const u = w.key === "sleep0" ? untraced(w.source) : undefined;
  results.push({
    untracedCpu: u === undefined ? undefined : t.steps / u.cpu,
    ...w,
    steps: t.steps,
    rowsPerStep: t.rows / t.steps,
    bytesPerStep: t.bytes / t.steps,
    tracedWall: t.steps / t.seconds,
    tracedCpu: t.steps / t.cpu,
    nativeWall: t.steps / n.wall,
    nativeCpu: t.steps / n.cpu,
  });
}

const lines = [
  `Taskline loop benchmark — Pyodide ${pyodide.version} (CPython ${pyodideCPython}) in Node ${process.version} vs native ${pythonVersion}`,
  "",
  "| figure | measured | native / target | verdict |",
  "|---|---|---|---|",
];
for (const r of results) {
  const ratioCpu = r.tracedCpu / r.nativeCpu;
  const ratioWall = r.tracedWall / r.nativeWall;
  lines.push(
    `| ${r.figure} | ${fmt(r.tracedCpu)} steps/CPU-s traced = **${ratioCpu.toFixed(2)}× native** (wall: ${fmt(r.tracedWall)} steps/s, ${ratioWall.toFixed(2)}×) | native ${fmt(r.nativeCpu)} steps/CPU-s (wall ${fmt(r.nativeWall)} steps/s); target ≥ ${RATIO_TARGET}× | ${ratioCpu >= RATIO_TARGET ? "meets" : "misses"} |`,
  );
}
for (const r of results) {
  if (r.untracedCpu === undefined) continue;
  // Context, not a target: the same program with nothing recorded, and what tracing adds per step.
  const perStep = (rate) => 1e6 / rate;
  lines.push(
    `| context: ${r.figure.replace(/^scheduler throughput, /, "")} on VirtualLoop **untraced** (the interpreter's own ceiling) | ${fmt(r.untracedCpu)} steps/CPU-s = ${(r.untracedCpu / r.nativeCpu).toFixed(2)}× native; ${perStep(r.untracedCpu).toFixed(2)} µs/step untraced vs ${perStep(r.tracedCpu).toFixed(2)} traced and ${perStep(r.nativeCpu).toFixed(2)} native: tracing adds ${(perStep(r.tracedCpu) - perStep(r.untracedCpu)).toFixed(2)} µs/step, and ≥ ${RATIO_TARGET}× allows ${(perStep(r.nativeCpu) / RATIO_TARGET - perStep(r.untracedCpu)).toFixed(2)} | — | — |`,
  );
}
for (const r of results) {
  lines.push(
    `| trace size, ${r.figure.replace(/^scheduler throughput, /, "")} | ${r.bytesPerStep.toFixed(1)} B/step on the wire (${r.rowsPerStep.toFixed(2)} rows × ${ROW_BYTES} B + details) | target ≤ ${BYTES_TARGET} B/step as held in the page | ${r.bytesPerStep <= BYTES_TARGET ? "meets" : "misses (wire)"} |`,
  );
}
console.log(lines.join("\n"));
if (process.argv.includes("--json")) console.log(JSON.stringify(results.map(({ source, ...rest }) => rest)));
