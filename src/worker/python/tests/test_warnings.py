"""The mistakes asyncio itself warns about become problems on the right task and line."""

import unittest

from taskline.wire import Row

from .support import run


def problems(r) -> list[tuple[str, str, int]]:
    """(code, task name, line) of every warning row."""
    names = {task: r.details[x]["name"] for k, task, x, _, _ in r.rows if k == Row.CREATED}
    return [(r.details[x]["code"], names.get(task, ""), r.details[x]["line"]) for k, task, x, _, _ in r.rows if k == Row.WARNING]


class AsyncioWarnings(unittest.TestCase):
    def test_a_coroutine_never_awaited_is_reported_where_it_was_created(self):
        r = run("""
            import asyncio
            async def fetch():
                return 1
            async def main():
                fetch()
                await asyncio.sleep(1)
            asyncio.run(main())
        """)
        self.assertIn(("never-awaited", "Task-1", 6), problems(r))
        self.assertIn("was never awaited", r.stdout(2))
        self.assertNotIn("/taskline/", r.stdout(2))  # the origin names the user's line, not Taskline's frames

    def test_an_exception_never_retrieved_is_reported_on_its_task(self):
        r = run("""
            import asyncio
            async def boom():
                raise ValueError("lost")
            async def main():
                asyncio.create_task(boom(), name="boom")
                await asyncio.sleep(1)
            asyncio.run(main())
        """)
        self.assertIn(("exception-never-retrieved", "boom", 6), problems(r))

    def test_time_sleep_in_a_coroutine_is_reported_once_per_line(self):
        r = run("""
            import asyncio, time
            async def main():
                for _ in range(3):
                    time.sleep(0.1)
            asyncio.run(main())
        """)
        self.assertEqual([p for p in problems(r) if p[0] == "blocking-call"], [("blocking-call", "Task-1", 5)])

    def test_time_sleep_outside_any_task_is_no_problem(self):
        r = run("import time; time.sleep(1)")
        self.assertEqual(problems(r), [])

    def test_a_long_computation_in_realistic_mode_is_a_slow_step_at_its_line(self):
        r = run("""
            import asyncio, time
            async def crunch():
                start = time.perf_counter()
                while time.perf_counter() - start < 0.15:
                    pass
                await asyncio.sleep(0)
            async def other():
                await asyncio.sleep(0)
            async def main():
                await asyncio.gather(crunch(), other())
            asyncio.run(main())
        """, clock="realistic")
        slow = [p for p in problems(r) if p[0] == "slow-step"]
        self.assertEqual(slow, [("slow-step", "Task-2", 7)])

    def test_a_short_step_or_time_sleep_is_no_slow_step(self):
        for clock in ("realistic", "ideal"):
            r = run("""
                import asyncio, time
                async def main():
                    time.sleep(0.5)
                    await asyncio.sleep(1)
                asyncio.run(main())
            """, clock=clock)
            self.assertEqual([p[0] for p in problems(r)], ["blocking-call"], clock)


class Deadlocks(unittest.TestCase):
    def test_a_deadlock_follows_the_chain_from_a_lock_to_an_event(self):
        r = run("""
            import asyncio
            lock = asyncio.Lock()
            never = asyncio.Event()
            async def holder():
                async with lock:
                    await never.wait()
            async def wanter():
                await asyncio.sleep(0.1)
                async with lock:
                    pass
            async def main():
                await asyncio.gather(asyncio.create_task(holder(), name="Task-3x"), wanter())
            asyncio.run(main())
        """)
        self.assertEqual((r.status, r.end["reason"]), ("stopped", "deadlock"))
        message = r.end["message"]
        self.assertIn("waits for the Lock held by Task-3x, which waits for an Event nobody sets", message)
        found = problems(r)
        self.assertIn(("deadlock", "Task-3x", 7), found)
        self.assertEqual(len([p for p in found if p[0] == "deadlock"]), 3)  # one per waiting task
        self.assertIn("waits for gather(Task-3x, Task-2); Task-3x waits for an Event nobody sets", message)
        wanter = [p for p in found if p[0] == "deadlock" and p[2] == 10]
        self.assertEqual(len(wanter), 1)
        detail = [r.details[x]["message"] for k, _, x, _, _ in r.rows if k == Row.WARNING and r.details[x]["line"] == 10][0]
        self.assertIn("the Lock held by Task-3x, which waits for an Event nobody sets", detail)

    def test_two_tasks_awaiting_each_other_are_an_await_cycle_even_while_others_run(self):
        r = run("""
            import asyncio
            async def a():
                await asyncio.sleep(0)
                await tb
            async def b():
                await asyncio.sleep(0)
                await ta
            async def main():
                global ta, tb
                ta = asyncio.create_task(a(), name="A")
                tb = asyncio.create_task(b(), name="B")
                await asyncio.sleep(1)
                print("main goes on")
            asyncio.run(main())
        """)
        self.assertIn("main goes on", r.stdout())  # reported when it closed, while main still ran
        # asyncio.run's final cancellation cannot break the cycle either (in CPython it recurses
        # until RecursionError); here it ends as a deadlock that names the cycle.
        self.assertEqual(r.end["reason"], "deadlock")
        cycle = sorted(p for p in problems(r) if p[0] == "await-cycle")
        self.assertEqual(cycle, [("await-cycle", "A", 5), ("await-cycle", "B", 8)])
        text = [r.details[x]["message"] for k, _, x, _, _ in r.rows if k == Row.WARNING][0]
        self.assertIn("→", text)

    def test_an_await_cycle_that_deadlocks_is_named_in_the_message_once(self):
        r = run("""
            import asyncio
            async def a():
                await asyncio.sleep(0)
                await tb
            async def b():
                await asyncio.sleep(0)
                await ta
            async def main():
                global ta, tb
                ta = asyncio.create_task(a(), name="A")
                tb = asyncio.create_task(b(), name="B")
                await ta
            asyncio.run(main())
        """)
        self.assertEqual(r.end["reason"], "deadlock")
        self.assertIn("await cycle", r.end["message"])
        self.assertEqual(len([p for p in problems(r) if p[0] == "await-cycle"]), 2)
        # Each warning naming the cycle carries its lane ids, so the page need not read the words;
        # main's deadlock entry (it waits into the cycle, it is not in it) carries the cycle too.
        lanes = r.lanes()
        cycles = {(r.details[x]["code"], task): sorted(r.details[x].get("cycle", [])) for k, task, x, _, _ in r.rows if k == Row.WARNING}
        ab = sorted([lanes["A"], lanes["B"]])
        self.assertEqual(cycles[("await-cycle", lanes["A"])], ab)
        self.assertEqual(cycles[("deadlock", lanes["B"])], ab)
        self.assertEqual(cycles[("deadlock", lanes["Task-1"])], ab)


if __name__ == "__main__":
    unittest.main()
