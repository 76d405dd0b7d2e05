"""Record what real CPython does with each program of the fidelity corpus.

Taskline must print exactly what CPython prints and end on a virtual time equal to the wall time
the program takes under CPython. The expectations therefore come from real runs on real time,
never from Taskline: this script runs every program in src/worker/python/tests/corpus/ three times
with the host interpreter, checks that the output is identical each time (otherwise the program is
not deterministic and does not belong in the corpus), and writes expected.json beside them.

Re-run it after adding or changing a program:

    python3 scripts/record-corpus.py            # every program
    python3 scripts/record-corpus.py 07_shield.py   # only these, merged into expected.json

The elapsed time is the median wall time of the runs minus the interpreter's start-up cost, which
is measured on a script that only imports asyncio: Taskline's clock starts with asyncio already
imported, and importing it costs CPython more than the tolerance allows.
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
BASELINE_SOURCE = "import asyncio, contextlib, contextvars, sys, time\n"


def run(path):
    """Run one script with the host interpreter; return (stdout, last stderr line, exit, seconds)."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-u", str(path)],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    seconds = time.perf_counter() - started
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    return proc.stdout, lines[-1] if lines else "", proc.returncode, seconds


def measure_startup():
    with tempfile.TemporaryDirectory() as tmp:
        baseline = Path(tmp) / "baseline.py"
        baseline.write_text(BASELINE_SOURCE)
        run(baseline)  # warm the file system cache
        return statistics.median(run(baseline)[3] for _ in range(STARTUP_RUNS))


def record(path, startup):
    runs = [run(path) for _ in range(RUNS)]
    stdout, error, exit_code, _ = runs[0]
    for other_stdout, other_error, other_exit, _ in runs[1:]:
        if other_stdout != stdout or other_exit != exit_code or other_error != error:
            sys.exit(
                f"FAIL {path.name} is not deterministic: runs differ\n"
                + "\n".join(f"--- run {i + 1} (exit {r[2]}, error {r[1]!r})\n{r[0]}" for i, r in enumerate(runs))
            )
    times = [r[3] for r in runs]
    elapsed = round(max(0.0, statistics.median(times) - startup), 3)
    spread = max(times) - min(times)
    note = f"  (runs spread {spread:.3f} s: machine busy?)" if spread > 0.05 else ""
    print(f"{path.name:36} exit {exit_code}  elapsed {elapsed:.3f} s{note}")
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
