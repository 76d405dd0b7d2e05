"""Record what real CPython does with each program of the fidelity corpus.

Taskline must print exactly what CPython prints and end on a virtual time equal to the wall time
the program takes under CPython. The expectations therefore come from real runs on real time,
never from Taskline: this script runs every program in src/worker/python/tests/corpus/ three times
with the host interpreter (`python3 -u`), checks that the output is identical each time (otherwise
the program is not deterministic and does not belong in the corpus), and writes expected.json
beside them.

Re-run it after adding or changing a program:

    python3 scripts/record-corpus.py                 # every program
    python3 scripts/record-corpus.py 07_shield.py    # only these, merged into expected.json

Elapsed time is the median over the runs of the program's own wall time: a tiny launcher imports
asyncio (Taskline's clock starts with it already imported, and importing it costs CPython more
than the tolerance), then times the program from its first line until it ends. Timing the whole
subprocess and subtracting the interpreter's start-up is also printed as a cross-check, but it is
not recorded: on a busy machine start-up alone varies by more than the 0.05 s tolerance.
"""

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 3  # runs per program; the median absorbs one noisy run
STARTUP_RUNS = 5  # runs of the baseline script; start-up is noisier than the programs
TIMEOUT_S = 30  # a corpus program takes under 1.5 s; anything longer is hung
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "src" / "worker" / "python" / "tests" / "corpus"
EXPECTED = CORPUS / "expected.json"
PRELOADED = "asyncio, contextlib, contextvars, time"  # imported before the clock starts
BASELINE_SOURCE = f"import {PRELOADED}\n"
# Runs a corpus program as __main__ and writes its own wall time to the file named by argv[2].
LAUNCHER = f"""
import os, runpy, sys, time
import {PRELOADED}
path, timing = sys.argv[1], sys.argv[2]
sys.argv = [path]
sys.path[0] = os.path.dirname(path)
start = time.perf_counter()
try:
    runpy.run_path(path, run_name="__main__")
finally:
    with open(timing, "w") as f:
        f.write(repr(time.perf_counter() - start))
"""


def run(args, cwd):
    """Run the host interpreter; return (stdout, last stderr line, exit, outer seconds)."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-u", *args], cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT_S
    )
    seconds = time.perf_counter() - started
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    return proc.stdout, lines[-1] if lines else "", proc.returncode, seconds


def run_program(path):
    """Run one corpus program; return (stdout, last stderr line, exit, outer s, program s)."""
    with tempfile.TemporaryDirectory() as tmp:
        timing = Path(tmp) / "elapsed"
        result = run(["-c", LAUNCHER, str(path), str(timing)], path.parent)
        if not timing.exists():
            sys.exit(f"FAIL {path.name} ended without reporting its time; stderr: {result[1]}")
        return (*result, float(timing.read_text()))


def measure_startup():
    with tempfile.TemporaryDirectory() as tmp:
        baseline = Path(tmp) / "baseline.py"
        baseline.write_text(BASELINE_SOURCE)
        run([str(baseline)], tmp)  # warm the file system cache
        return statistics.median(run([str(baseline)], tmp)[3] for _ in range(STARTUP_RUNS))


def record(path, startup):
    runs = [run_program(path) for _ in range(RUNS)]
    stdout, error, exit_code = runs[0][:3]
    for other_stdout, other_error, other_exit, *_ in runs[1:]:
        if other_stdout != stdout or other_exit != exit_code or other_error != error:
            sys.exit(
                f"FAIL {path.name} is not deterministic: runs differ\n"
                + "\n".join(f"--- run {i + 1} (exit {r[2]}, error {r[1]!r})\n{r[0]}" for i, r in enumerate(runs))
            )
    times = [r[4] for r in runs]
    elapsed = round(statistics.median(times), 3)
    outer = statistics.median(r[3] for r in runs) - startup
    spread = max(times) - min(times)
    note = f"  (runs spread {spread:.3f} s: machine busy?)" if spread > 0.02 else ""
    print(f"{path.name:34} exit {exit_code}  elapsed {elapsed:.3f} s  (outer - start-up {outer:.3f} s){note}")
    return {"stdout": stdout, "elapsed": elapsed, "exit": exit_code, "error": error}


def main(names):
    programs = sorted(p for p in CORPUS.glob("[0-9][0-9]_*.py"))
    if names:
        wanted = {Path(n).name for n in names}
        unknown = wanted - {p.name for p in programs}
        if unknown:
            sys.exit(f"FAIL unknown corpus programs: {', '.join(sorted(unknown))}")
        programs = [p for p in programs if p.name in wanted]
    if not programs:
        sys.exit(f"FAIL no programs found in {CORPUS}")

    print(f"python {sys.version.split()[0]} at {sys.executable}")
    startup = measure_startup()
    print(f"interpreter start-up (baseline: {BASELINE_SOURCE.strip()!r}): {startup:.3f} s")

    expected = json.loads(EXPECTED.read_text()) if names and EXPECTED.exists() else {}
    for path in programs:
        expected[path.name] = record(path, startup)
    expected = dict(sorted(expected.items()))
    EXPECTED.write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n")
    total = sum(entry["elapsed"] for entry in expected.values())
    print(f"wrote {EXPECTED.relative_to(ROOT)}: {len(expected)} programs, {total:.1f} s of program time")


if __name__ == "__main__":
    main(sys.argv[1:])
