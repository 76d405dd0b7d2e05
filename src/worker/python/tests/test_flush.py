"""When trace rows are handed to the page: a program stuck in a step that never ends can only be
stopped by terminating the worker, which drops whatever Python still buffers. So what happened
before such a step must already be on its way to the page when the step starts.

The programs below stand in for the stuck step with a call to `probe.stuck()`, which records what
had been handed over (flushed) at that moment; the run then simply goes on and ends.
"""

import sys
import textwrap
import types
import unittest

import taskline.session as session_module
from taskline import install, run_program
from taskline.recorder import rows_of
from taskline.session import FLUSH_CHECK_HANDLES, FLUSH_INTERVAL_S, YOUNG_ROWS
from taskline.wire import Row

install()

_LEN = len  # a program below replaces builtins.len


class _Probe:
    """The page's side of a run: every batch flushed so far, and snapshots taken by the program."""

    def __init__(self) -> None:
        self.rows: list = []
        self.details: list = []
        self.batches = 0
        self.snapshots: list = []

    def flush(self, rows, details) -> None:
        self.rows.extend(rows_of(rows))
        self.details.extend(details)
        self.batches += 1

    def stuck(self) -> None:
        self.snapshots.append((list(self.rows), list(self.details)))

    def printed(self, snapshot) -> str:
        rows, details = snapshot
        return "".join(details[y]["text"] for k, _, _, y, _ in rows if k == Row.OUTPUT)

    def lane_id(self, snapshot, name: str) -> int:
        rows, details = snapshot
        return next(task for k, task, x, _, _ in rows if k == Row.CREATED and details[x]["coro"] == name)

    def last_kind(self, snapshot, task: int) -> int:
        rows, _ = snapshot
        return [k for k, t, *_ in rows if t == task and k != Row.OUTPUT][-1]


def _run(source: str, clock: str = "ideal") -> tuple[_Probe, dict]:
    probe = _Probe()
    sys.modules["probe"] = types.SimpleNamespace(stuck=probe.stuck)
    try:
        end = run_program(textwrap.dedent(source), {"clock": clock, "budget": {}}, probe.flush)
    finally:
        del sys.modules["probe"]
    return probe, end


class AYoungRunHandsOverEverythingBeforeAStuckStep(unittest.TestCase):
    def test_the_print_and_the_stuck_tasks_running_lane_are_handed_over_before_its_step_starts(self):
        for clock in ("ideal", "realistic"):
            probe, end = _run("""
                import asyncio, probe
                async def spin():
                    probe.stuck()
                async def main():
                    print('start')
                    asyncio.create_task(spin())
                    await asyncio.sleep(1)
                asyncio.run(main())
            """, clock)
            self.assertEqual(end["status"], "done")
            (snapshot,) = probe.snapshots
            self.assertEqual(probe.printed(snapshot), "start\n", clock)
            spin = probe.lane_id(snapshot, "spin")
            self.assertEqual(probe.last_kind(snapshot, spin), Row.RUN, f"{clock}: the lane shows spin running")

    def test_ticks_printed_across_sleeps_are_all_handed_over(self):
        probe, _ = _run("""
            import asyncio, probe
            async def main():
                for _ in range(3):
                    print('tick')
                    await asyncio.sleep(0.1)
                probe.stuck()
            asyncio.run(main())
        """)
        (snapshot,) = probe.snapshots
        self.assertEqual(probe.printed(snapshot), "tick\n" * 3)
        main = probe.lane_id(snapshot, "main")
        self.assertEqual(probe.last_kind(snapshot, main), Row.RUN)

    def test_a_print_in_the_stuck_step_itself_and_at_top_level_is_handed_over(self):
        probe, _ = _run("""
            import asyncio, probe
            print('before the loop')
            async def main():
                print('in the step')
                probe.stuck()
            asyncio.run(main())
            print('after the loop')
            probe.stuck()
        """)
        first, second = probe.snapshots
        self.assertEqual(probe.printed(first), "before the loop\nin the step\n")
        self.assertTrue(probe.printed(second).endswith("after the loop\n"))

    def test_a_program_replacing_builtins_len_still_hands_its_rows_over(self):
        import builtins

        saved = builtins.len
        try:
            probe, end = _run("""
                import builtins
                builtins.len = lambda x: -1
                print('patched')
            """)
        finally:
            builtins.len = saved
        self.assertEqual(end["status"], "done")
        self.assertEqual(probe.printed((probe.rows, probe.details)), "patched\n")


class ALongRunHandsOverOnAnInterval(unittest.TestCase):
    """Past its young phase a run hands over only every FLUSH_INTERVAL_S (real time), so a run of
    millions of steps is not slowed by a hand-over per step. The real clock is faked here."""

    def setUp(self) -> None:
        self.real = [100.0]
        self.saved = session_module.REAL_PERF_COUNTER
        session_module.REAL_PERF_COUNTER = lambda: self.real[0]

    def tearDown(self) -> None:
        session_module.REAL_PERF_COUNTER = self.saved

    def test_after_the_young_phase_steps_do_not_each_hand_over(self):
        probe, end = _run("""
            import asyncio
            async def main():
                for _ in range(3000):
                    await asyncio.sleep(0)
            asyncio.run(main())
        """)
        self.assertEqual(end["status"], "done")
        self.assertEqual(end["totals"]["steps"], 3001)
        # One hand-over per young step (each hands over its RUN row and the previous step's end:
        # at least two rows) until YOUNG_ROWS rows went out, then only the final one.
        self.assertGreater(probe.batches, YOUNG_ROWS // 4)
        self.assertLessEqual(probe.batches, YOUNG_ROWS // 2 + 2)

    def test_rows_older_than_the_interval_go_out_within_a_long_loop_iteration(self):
        """200 tasks ready at once: one loop iteration. Rows due go out within FLUSH_CHECK_HANDLES handles."""
        def advance() -> None:
            self.real[0] += FLUSH_INTERVAL_S * 1.5

        sys.modules["clockhand"] = types.SimpleNamespace(advance=advance)
        try:
            probe, _ = _run(f"""
                import asyncio, probe, clockhand
                async def worker(i):
                    await asyncio.sleep(1)
                    if i == 10:
                        print('due')
                        clockhand.advance()
                    if i == 10 + {FLUSH_CHECK_HANDLES}:
                        probe.stuck()
                async def main():
                    for _ in range({YOUNG_ROWS}):
                        await asyncio.sleep(0)
                    await asyncio.gather(*(worker(i) for i in range(200)))
                asyncio.run(main())
            """)
        finally:
            del sys.modules["clockhand"]
        (snapshot,) = probe.snapshots
        self.assertEqual(probe.printed(snapshot), "due\n")

    def test_rows_older_than_the_interval_go_out_at_the_end_of_the_loop_iteration(self):
        later = FLUSH_INTERVAL_S * 1.5

        def advance() -> None:
            self.real[0] += later

        sys.modules["clockhand"] = types.SimpleNamespace(advance=advance)
        try:
            probe, _ = _run(f"""
                import asyncio, probe, clockhand
                async def main():
                    for _ in range({YOUNG_ROWS}):
                        await asyncio.sleep(0)
                    print('old enough')
                    clockhand.advance()
                    await asyncio.sleep(0)
                    probe.stuck()
                    print('too young to go out')
                    probe.stuck()
                asyncio.run(main())
            """)
        finally:
            del sys.modules["clockhand"]
        due, not_due = probe.snapshots
        self.assertTrue(probe.printed(due).endswith("old enough\n"))
        self.assertEqual(probe.printed(not_due), probe.printed(due))

    def test_a_young_run_ends_after_its_young_time_even_with_flushes_left(self):
        sys.modules["clockhand"] = types.SimpleNamespace(advance=lambda: self.real.__setitem__(0, self.real[0] + 1.0))
        try:
            probe, _ = _run("""
                import asyncio, probe, clockhand
                async def main():
                    await asyncio.sleep(0)
                    clockhand.advance()
                    await asyncio.sleep(0)
                    print('not handed over at once')
                    probe.stuck()
                asyncio.run(main())
            """)
        finally:
            del sys.modules["clockhand"]
        (snapshot,) = probe.snapshots
        self.assertNotIn("not handed over", probe.printed(snapshot))


class TheSessionStaysCompact(unittest.TestCase):
    def test_a_session_has_at_most_30_attributes(self):
        """CPython keeps at most 30 attributes in an instance's compact layout; one more slows
        every attribute access in the hot path (~5% of a sleep(0) step, measured)."""
        names = []
        sys.modules["probe"] = types.SimpleNamespace(stuck=lambda: names.extend(vars(session_module.current_session())))
        try:
            run_program("import probe\nprobe.stuck()\n", {"clock": "ideal", "budget": {}}, _Probe().flush)
        finally:
            del sys.modules["probe"]
        self.assertLessEqual(len(names), 30, sorted(names))


if __name__ == "__main__":
    unittest.main()
