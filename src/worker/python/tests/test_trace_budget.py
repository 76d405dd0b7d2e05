"""How much trace a step costs: guards against the recorder quietly growing (issue #8).

Timings are benchmark figures (npm run bench); these are counts, so they cannot flake. If a change
really needs more rows per step, change the numbers here on purpose and say why in the commit.
"""

import json
import textwrap
import unittest
from collections import Counter

from taskline import run_program
from taskline.recorder import ROW_BYTES, ROW_DOUBLES, Recorder, rows_of
from taskline.wire import Row, Wait, Waker

from .support import run

# Bytes of one row on the wire: the five columns kind u8, task/x/y i32, t f64 (src/protocol/trace.ts).
WIRE_BYTES_PER_ROW = 1 + 4 + 4 + 4 + 8
# The wire budget for the sleep(0) workload below: two rows per step plus the lanes' details.
WIRE_BYTES_PER_STEP_BUDGET = 44.0


def _steady_state(r, task: int) -> list:
    """The rows of one task between its first and its last step, as (kind, x) pairs."""
    mine = [(k, x) for k, t, x, _, _ in r.rows if t == task]
    runs = [i for i, (k, _) in enumerate(mine) if k == Row.RUN]
    return mine[runs[1]:runs[-1]]


class RowsPerStep(unittest.TestCase):
    def test_a_step_that_yields_with_sleep_0_costs_two_rows(self):
        r = run("""
            import asyncio
            async def spin():
                for _ in range(50):
                    await asyncio.sleep(0)
            async def main():
                await asyncio.gather(spin(), spin(), spin())
            asyncio.run(main())
        """)
        task = r.lanes()["Task-2"]
        middle = _steady_state(r, task)
        # run, then ready again (it yielded): nothing else, every step
        self.assertEqual(middle, [(Row.RUN, 0), (Row.READY, Waker.OTHER)] * (len(middle) // 2))
        self.assertEqual(len(middle), 2 * 49)

    def test_a_step_that_sleeps_costs_three_rows(self):
        r = run("""
            import asyncio
            async def nap():
                for i in range(20):
                    await asyncio.sleep(0.01 * (i % 3 + 1))
            async def main():
                await asyncio.gather(nap(), nap())
            asyncio.run(main())
        """)
        task = r.lanes()["Task-2"]
        middle = _steady_state(r, task)
        # suspend (on a sleep), ready (the timer fired), run: per step; a sleep's timer is no
        # callback row of its own (only gather's and the loop's done callbacks at the end are)
        kinds = Counter(k for k, _ in middle)
        self.assertEqual(kinds, Counter({Row.RUN: 19, Row.SUSPEND: 19, Row.READY: 19}))
        self.assertTrue(all(x & 31 == Wait.SLEEP for k, x in middle if k == Row.SUSPEND))
        self.assertLessEqual(len(r.of(Row.CALLBACK)), 5)

    def test_a_whole_run_of_sleep_0_steps_stays_at_its_row_count(self):
        r = run("""
            import asyncio
            async def spin():
                for _ in range(100):
                    await asyncio.sleep(0)
            async def main():
                await asyncio.gather(*(spin() for _ in range(100)))
            asyncio.run(main())
        """)
        steps = r.end["totals"]["steps"]
        self.assertEqual(steps, 100 * 101 + 2)
        # 2 rows per step, plus per task: created, ready (start), finish, and gather's done callback
        self.assertLessEqual(len(r.rows), 2 * steps + 4 * 101 + 8)


class StepCosts(unittest.TestCase):
    def test_a_task_step_is_queued_without_a_handle_object(self):
        # loop.call_soon queues a C Task's step as a plain tuple (no Python Handle.__init__ per
        # step); a callback the program schedules itself still gets a Handle it can cancel.
        r = run("""
            import asyncio
            async def child():
                pass
            async def main():
                loop = asyncio.get_running_loop()
                task = asyncio.create_task(child())
                print(type(loop._ready[-1]).__name__)
                handle = loop.call_soon(print, "callback")
                print(type(handle).__name__, handle is loop._ready[-1])
                await task
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "tuple\nHandle True\ncallback\n")

    def test_drained_rows_are_24_bytes_of_int32_and_a_float64(self):
        rec = Recorder()
        rows = [(3, 7, 0, 0, 0.0), (4, 7, 1 | (9 << 5), 12, 0.25)] * 700 + [(6, 2**31 - 1, -2**31, -1, 1e9)]
        for row in rows:
            rec.extend(row)
        packed, _ = rec.drain()
        self.assertEqual((ROW_BYTES, ROW_DOUBLES, len(packed)), (24, 3, 3 * len(rows)))
        self.assertEqual(rows_of(packed), rows)

    def test_a_value_that_is_no_int32_is_stored_as_the_pages_int32array_would(self):
        rec = Recorder()
        rec.extend((1, 2.9, 2**32 + 5, float("nan"), 3))
        rec.extend((True, -2**31 - 1, -7.5, 0, 1.5))
        self.assertEqual(rows_of(rec.drain()[0]), [(1, 2, 5, 0, 3.0), (1, 2**31 - 1, -7, 0, 1.5)])


class NeverAwaitedLine(unittest.TestCase):
    def test_a_stored_coroutine_dropped_later_is_reported_where_it_was_created(self):
        # Needs coroutine origin tracking (session._ORIGIN_DEPTH): without it the warning could
        # only name line 9, where the coroutine was dropped.
        r = run("""
            import asyncio
            async def fetch():
                return 1
            async def main():
                pending = fetch()
                await asyncio.sleep(1)
                print("dropping")
                del pending
                await asyncio.sleep(1)
            asyncio.run(main())
        """)
        lines = [r.details[x]["line"] for k, _, x, _, _ in r.rows if k == Row.WARNING and r.details[x]["code"] == "never-awaited"]
        self.assertEqual(lines, [6])

    def test_a_coroutine_never_awaited_is_still_placed_on_its_line(self):
        r = run("""
            import asyncio
            async def fetch():
                return 1
            async def main():
                await asyncio.sleep(0)
                fetch()
                await asyncio.sleep(1)
            asyncio.run(main())
        """)
        lines = [r.details[x]["line"] for k, _, x, _, _ in r.rows if k == Row.WARNING and r.details[x]["code"] == "never-awaited"]
        self.assertEqual(lines, [7])


class WireBytesPerStep(unittest.TestCase):
    def test_the_sleep_0_workload_stays_within_its_wire_budget(self):
        source = textwrap.dedent("""
            import asyncio
            async def worker():
                for _ in range(100):
                    await asyncio.sleep(0)
            async def main():
                await asyncio.gather(*(worker() for _ in range(1000)))
            asyncio.run(main())
        """)
        sent = {"bytes": 0}

        def flush(rows, details):
            # What the worker posts: the rows as five columns, the details as one JSON text.
            sent["bytes"] += len(rows) // ROW_DOUBLES * WIRE_BYTES_PER_ROW + len(json.dumps(details, ensure_ascii=False).encode())

        end = run_program(source, {"clock": "ideal", "budget": {}}, flush)
        self.assertEqual(end["status"], "done")
        per_step = sent["bytes"] / end["totals"]["steps"]
        self.assertLessEqual(per_step, WIRE_BYTES_PER_STEP_BUDGET, f"{per_step:.1f} B/step")


if __name__ == "__main__":
    unittest.main()
