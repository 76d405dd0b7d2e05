"""Fidelity: every corpus program gives CPython's output, ending and elapsed time under Taskline.

The expectations in corpus/expected.json were recorded from real CPython with real time
(scripts/record-corpus.py), never from Taskline. Output, exit status and the error line must match
exactly; the final virtual time within max(0.05 s, 5 %). Both clock modes must hold.
"""

import json
import os
import unittest

from .support import run

CORPUS = os.path.join(os.path.dirname(__file__), "corpus")
with open(os.path.join(CORPUS, "expected.json"), encoding="utf-8") as f:
    EXPECTED = json.load(f)


def _last_stderr_line(r) -> str:
    lines = [line for line in r.stdout(2).splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _exit_and_error(r) -> tuple[int, str]:
    """What CPython's process would have ended with: exit status and stderr's last line."""
    if r.status == "done":  # stderr may still have lines, e.g. "Task exception was never retrieved"
        return 0, _last_stderr_line(r)
    if r.status != "error":
        return -1, f"{r.status}: {r.end.get('reason')} {r.end.get('message')}"
    error = r.end["error"]
    if error["excType"] == "SystemExit":
        code = error["message"]
        if code.lstrip("-").isdigit():  # silent, but a task that raised it is reported as never retrieved
            return int(code), _last_stderr_line(r)
        return 1, code
    return 1, error["traceback"].rstrip("\n").splitlines()[-1]


class Corpus(unittest.TestCase):
    def check(self, name: str, clock: str) -> None:
        with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
            source = f.read()
        expected = EXPECTED[name]
        r = run(source, clock=clock)
        self.assertEqual(r.stdout(), expected["stdout"], f"{name} ({clock}): stdout differs")
        self.assertEqual(_exit_and_error(r), (expected["exit"], expected["error"]), f"{name} ({clock}): ending differs")
        tolerance = max(0.05, 0.05 * expected["elapsed"])
        self.assertAlmostEqual(r.virtual_time, expected["elapsed"], delta=tolerance,
                               msg=f"{name} ({clock}): virtual time {r.virtual_time} vs CPython {expected['elapsed']}")


def _add_cases() -> None:
    for name in sorted(EXPECTED):
        for clock in ("ideal", "realistic"):
            test_name = f"test_{clock}_{name.removesuffix('.py')}"
            setattr(Corpus, test_name, lambda self, n=name, c=clock: self.check(n, c))


_add_cases()


class CorpusIsComplete(unittest.TestCase):
    def test_every_program_has_an_expectation(self):
        programs = sorted(n for n in os.listdir(CORPUS) if n.endswith(".py"))
        self.assertEqual(programs, sorted(EXPECTED))
        self.assertGreaterEqual(len(programs), 30)
