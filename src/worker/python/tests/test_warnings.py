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


if __name__ == "__main__":
    unittest.main()
