"""Generators and async generators of the user's program are lanes, with the values passed each way."""

import unittest

from taskline.wire import Handoff, Outcome, Row, Wait

from .support import run


def story(r, name_part: str) -> list:
    """The lane's handoffs and suspensions, in order: ("in"/"out", text) and ("yield", line)."""
    lanes = r.lanes()
    lane = next(tid for name, tid in lanes.items() if name_part in name)
    events = []
    for kind, task, x, y, _ in r.rows:
        if task != lane:
            continue
        if kind == Row.HANDOFF:
            events.append(("in" if y == Handoff.IN else "out", r.details[x]["text"]))
        elif kind == Row.SUSPEND and (x & 31) == Wait.YIELD:
            events.append(("yield", y))
    return events


class GeneratorLanes(unittest.TestCase):
    def test_a_generator_driven_by_next_and_send_is_a_lane_with_the_values_each_way(self):
        r = run("""
            def averager():
                total = count = 0
                average = None
                while True:
                    value = yield average
                    total += value
                    count += 1
                    average = total / count
            avg = averager()
            next(avg)
            x = 10
            print(avg.send(x))
            print(avg.send(30))
            avg.close()
        """)
        self.assertEqual(r.status, "done")
        self.assertEqual(r.stdout(), "10.0\n20.0\n")
        lanes = r.lanes()
        self.assertIn("Generator-1 (averager)", lanes)
        self.assertEqual(story(r, "averager"), [
            ("in", "next()"), ("out", "yielded None"), ("yield", 6),
            ("in", "send(10)"), ("out", "yielded 10.0"), ("yield", 6),
            ("in", "send(30)"), ("out", "yielded 20.0"), ("yield", 6),
            ("in", "close() → GeneratorExit"), ("out", "closed"),
        ])
        finish = r.of(Row.FINISH, lanes["Generator-1 (averager)"])
        # Closing a generator is its normal end: done, not a cancelled task.
        self.assertEqual(finish[0][2], Outcome.DONE)
        self.assertEqual(r.details[finish[0][3]], {"k": "end", "result": "closed"})
        # The main program drives it by hand: its lane waits on the generator at each call's line and
        # runs again when the generator yields, so the hand-over is drawn both ways.
        main = lanes["main program"]
        waits = [(row[2] & 31, row[2] >> 5, row[3]) for row in r.of(Row.SUSPEND, main)]
        gen = lanes["Generator-1 (averager)"]
        self.assertEqual(waits, [(Wait.TASK, gen, 11), (Wait.TASK, gen, 13), (Wait.TASK, gen, 14), (Wait.TASK, gen, 15)])
        self.assertEqual(len(r.of(Row.RUN, main)), 4)

    def test_stop_iteration_carries_the_return_value_and_yield_from_waits_on_the_inner_lane(self):
        r = run("""
            def inner():
                yield 1
                return "inner done"
            def outer():
                result = yield from inner()
                yield result
                return 42
            g = outer()
            print(next(g), next(g))
            try:
                next(g)
            except StopIteration as stop:
                print("value", stop.value)
        """)
        self.assertEqual(r.stdout(), "1 inner done\nvalue 42\n")
        lanes = r.lanes()
        self.assertEqual(set(lanes), {"Generator-1 (outer)", "Generator-2 (inner)", "main program"})
        self.assertEqual(story(r, "inner"), [("in", "next()"), ("out", "yielded 1"), ("yield", 3), ("in", "next()"), ("out", "returned 'inner done' (StopIteration)")])
        self.assertIn(("out", "returned 42 (StopIteration)"), story(r, "outer"))
        delegating = [row for row in r.of(Row.SUSPEND, lanes["Generator-1 (outer)"]) if (row[2] & 31) == Wait.TASK]
        self.assertEqual([(row[2] >> 5, row[3]) for row in delegating], [(lanes["Generator-2 (inner)"], 6)])

    def test_throw_into_a_generator_that_does_not_catch_it_fails_its_lane(self):
        r = run("""
            def g():
                yield 1
            gen = g()
            next(gen)
            try:
                gen.throw(ValueError("bad"))
            except ValueError:
                pass
        """)
        self.assertEqual(story(r, "g")[-2:], [("in", "throw(ValueError('bad'))"), ("out", "raised ValueError: bad")])
        self.assertEqual(r.of(Row.FINISH)[0][2], Outcome.FAILED)

    def test_for_loops_and_async_generators_in_tasks_get_lanes_under_their_task(self):
        r = run("""
            import asyncio
            async def ticks(n):
                for i in range(n):
                    await asyncio.sleep(1)
                    yield i
            async def main():
                async for t in ticks(2):
                    print(t)
                print(sum(x for x in range(3)), [c for c in "ab"])
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "0\n1\n3 ['a', 'b']\n")
        lanes = r.lanes()
        self.assertEqual(set(lanes), {"Task-1", "AsyncGenerator-1 (ticks)"})  # no lane for the generator expression
        created = [row for row in r.of(Row.CREATED) if row[1] == lanes["AsyncGenerator-1 (ticks)"]][0]
        self.assertEqual(created[3], lanes["Task-1"])  # under the task that drives it
        self.assertEqual([e for e in story(r, "ticks") if e[0] != "in"], [("out", "yielded 0"), ("yield", 6), ("out", "yielded 1"), ("yield", 6), ("out", "finished (StopAsyncIteration)")])
        self.assertEqual(r.virtual_time, 2)

    def test_a_contextmanager_generator_is_library_driven_and_gets_no_lane(self):
        r = run("""
            from contextlib import contextmanager
            @contextmanager
            def cm():
                yield 1
            with cm() as v:
                print(v)
        """)
        self.assertEqual(r.lanes(), {})

    def test_a_long_generator_loop_stays_cheap_and_bounded(self):
        r = run("""
            def count():
                i = 0
                while True:
                    yield i
                    i += 1
            g = count()
            for _ in range(150_000):
                next(g)
            print("done")
        """)
        self.assertEqual(r.stdout(), "done\n")
        self.assertLessEqual(len(r.of(Row.HANDOFF)), 100_000)
        self.assertIn("stopped drawing generators", r.stdout(2))


if __name__ == "__main__":
    unittest.main()
