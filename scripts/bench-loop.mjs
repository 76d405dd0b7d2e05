// npm run bench:loop — scheduler throughput with full tracing, side by side with native CPython.
//
// Each workload runs (1) in Pyodide in Node on Taskline's VirtualLoop with the recorder on, as the
// worker runs it, and (2) in the machine's native `python3` on the stock asyncio loop without any
// tracing. Both are timed around the program only (interpreter start-up excluded). Prints
// steps/second for both, the ratio, and the trace bytes per step as the page stores them.
import { execFileSync } from "node:child_process";
import { bootPyodide } from "./pyodide-node.mjs";

const WORKLOADS = {
  "10k tasks x 100 sleep(0)": `
import asyncio
async def worker():
    for _ in range(100):
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(*(worker() for _ in range(10_000)))
asyncio.run(main())
`,
  "10k tasks x 10 random sleeps": `
import asyncio, random
rng = random.Random(1)
async def worker(delays):
    for d in delays:
        await asyncio.sleep(d)
async def main():
    await asyncio.gather(*(worker([rng.random() * 0.01 for _ in range(10)]) for _ in range(10_000)))
asyncio.run(main())
`,
  "200k-item Queue pipeline": `
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
};

/** Seconds native python3 needs for `source` on the stock loop (median of 3). */
function nativeSeconds(source) {
  const timer = `import time, sys\nsrc = sys.stdin.read()\nt0 = time.perf_counter()\nexec(compile(src, "bench", "exec"), {"__name__": "__main__"})\nprint(time.perf_counter() - t0)`;
  const runs = [0, 1, 2].map(() => Number(execFileSync("python3", ["-c", timer], { input: source }).toString().trim()));
  return runs.sort((a, b) => a - b)[1];
}

const pyodide = await bootPyodide({ quiet: true });
pyodide.runPython(`
import json
from taskline import install, run_program
install()
def bench(source):
    stored = {"rows": 0, "bytes": 0}
    def flush(rows, details):
        n = len(rows) // 5
        stored["rows"] += n
        # As the page stores them: columns kind u8, task/x/y i32, t f64; details as JSON text.
        stored["bytes"] += n * (1 + 4 + 4 + 4 + 8) + sum(len(json.dumps(d)) for d in details)
    budget = {"maxSteps": 10**8, "maxTasks": 10**6, "virtualHorizonS": 10**9, "maxOutputBytes": 10**8}
    import taskline.clock as c
    start = c.REAL_PERF_COUNTER()
    end = run_program(source, {"clock": "realistic", "budget": budget}, flush)
    elapsed = c.REAL_PERF_COUNTER() - start
    return json.dumps({"status": end["status"], "steps": end["totals"]["steps"], "seconds": elapsed, **stored})
`);
const bench = pyodide.globals.get("bench");
const pythonVersion = execFileSync("python3", ["--version"]).toString().trim();
console.log(`Taskline loop benchmark — Pyodide ${pyodide.version} (CPython ${pyodide.runPython("import sys; sys.version.split()[0]")}) vs native ${pythonVersion}\n`);
const rows = [];
for (const [name, source] of Object.entries(WORKLOADS)) {
  const traced = JSON.parse(bench(source));
  if (traced.status !== "done") throw new Error(`${name}: run ended ${traced.status}`);
  const native = nativeSeconds(source);
  rows.push({
    workload: name,
    steps: traced.steps,
    "native steps/s": Math.round(traced.steps / native),
    "taskline steps/s (traced)": Math.round(traced.steps / traced.seconds),
    "ratio vs native": Number((native / traced.seconds).toFixed(2)),
    "rows/step": Number((traced.rows / traced.steps).toFixed(2)),
    "trace B/step": Number((traced.bytes / traced.steps).toFixed(1)),
  });
}
console.table(rows);
console.log("Targets: ratio ≥ 0.5 (traced Taskline vs untraced native); trace ≤ 16 B/step.");
