"""The virtual loop behaves like CPython's loop on a clock that never waits."""

import unittest

from taskline.wire import Outcome, Row, Wait, Waker

from .support import run


class VirtualTime(unittest.TestCase):
    def test_an_hour_of_sleep_costs_no_real_time(self):
        r = run("""
            import asyncio
            async def main():
                await asyncio.sleep(3600)
                print(asyncio.get_running_loop().time())
            asyncio.run(main())
        """, virtualHorizonS=7200)
        self.assertEqual(r.status, "done")
        self.assertEqual(r.stdout(), "3600.0\n")
        self.assertEqual(r.virtual_time, 3600.0)

    def test_three_counters_interleave_and_take_one_second(self):
        r = run("""
            import asyncio
            async def count():
                print("One")
                await asyncio.sleep(1)
                print("Two")
            async def main():
                await asyncio.gather(count(), count(), count())
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "One\nOne\nOne\nTwo\nTwo\nTwo\n")
        self.assertEqual(r.virtual_time, 1.0)
        self.assertEqual(r.end["totals"]["tasks"], 4)

    def test_time_functions_read_the_virtual_clock(self):
        r = run("""
            import asyncio, time, datetime
            async def main():
                t0, w0, d0 = time.perf_counter(), time.time(), datetime.datetime.now()
                await asyncio.sleep(2.5)
                print(round(time.perf_counter() - t0, 6), round(time.time() - w0, 6))
                print((datetime.datetime.now() - d0).total_seconds())
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "2.5 2.5\n2.5\n")

    def test_time_sleep_blocks_the_loop_and_is_recorded(self):
        r = run("""
            import asyncio, time
            async def blocker():
                time.sleep(1)
            async def other():
                await asyncio.sleep(0.5)
                print("other woke at", asyncio.get_running_loop().time())
            async def main():
                await asyncio.gather(other(), blocker())
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "other woke at 1.0\n")
        self.assertEqual(len(r.of(Row.BLOCK_START)), 1)
        (block_end,) = r.of(Row.BLOCK_END)
        self.assertEqual(block_end[4], 1.0)

    def test_equal_deadlines_fire_in_the_order_they_were_scheduled(self):
        r = run("""
            import asyncio
            async def a():
                await asyncio.sleep(0.7)
                await asyncio.sleep(0.1)
                print("a")
            async def b():
                await asyncio.sleep(0.8)
                print("b")
            async def main():
                await asyncio.gather(a(), b())
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "b\na\n")

    def test_overdue_timers_fire_in_deadline_order_on_either_clock(self):
        # A blocking step (or a negative delay) leaves timers overdue; a real loop then runs them
        # in deadline order, whatever order they were scheduled in. Only deadlines within the
        # wake-up millisecond of each other fall back to scheduling order.
        for clock in ("ideal", "realistic"):
            r = run("""
                import asyncio, time
                async def main():
                    loop = asyncio.get_running_loop()
                    loop.call_later(0.2, print, "A")
                    loop.call_later(0.1, print, "B")
                    loop.call_later(0, print, "C")
                    loop.call_later(-1, print, "D")
                    time.sleep(0.3)
                    await asyncio.sleep(0.1)
                asyncio.run(main())
            """, clock=clock)
            self.assertEqual(r.stdout(), "D\nC\nB\nA\n", clock)

    def test_to_thread_overlaps_with_other_tasks(self):
        r = run("""
            import asyncio, time
            def blocking():
                time.sleep(2)
                return "io done"
            async def main():
                result, _ = await asyncio.gather(asyncio.to_thread(blocking), asyncio.sleep(2))
                print(result, asyncio.get_running_loop().time())
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "io done 2.0\n")
        thread_lanes = [d["name"] for d in r.details if d.get("k") == "lane" and d["lane"] == "thread"]
        self.assertEqual(thread_lanes, ["Thread-1 (blocking)"])

    def test_asyncio_run_waits_for_a_thread_that_outlived_its_waiter(self):
        # wait_for cancels the await, not the thread; asyncio.run's shutdown_default_executor
        # then waits for the thread, so the program goes on at the thread's end.
        r = run("""
            import asyncio, time
            async def main():
                try:
                    await asyncio.wait_for(asyncio.to_thread(time.sleep, 0.5), timeout=0.2)
                except TimeoutError:
                    print("timed out", asyncio.get_running_loop().time())
            asyncio.run(main())
            print("run returned", time.monotonic())
        """)
        self.assertEqual(r.stdout(), "timed out 0.2\nrun returned 0.5\n")
        self.assertEqual(r.virtual_time, 0.5)

    def test_call_soon_threadsafe_from_a_thread_lands_at_the_threads_time(self):
        # The thread lane runs at once on its own clock; what it hands the loop must arrive when
        # the thread handed it over, not when the lane started.
        for clock in ("ideal", "realistic"):
            r = run("""
                import asyncio, time
                def worker(loop, queue):
                    for i in range(3):
                        time.sleep(0.1)
                        loop.call_soon_threadsafe(queue.put_nowait, i)
                async def main():
                    loop = asyncio.get_running_loop()
                    queue = asyncio.Queue()
                    fut = loop.run_in_executor(None, worker, loop, queue)
                    for _ in range(3):
                        print(await queue.get(), round(loop.time(), 1))
                    await fut
                asyncio.run(main())
            """, clock=clock)
            self.assertEqual(r.stdout(), "0 0.1\n1 0.2\n2 0.3\n", clock)

    def test_realistic_mode_does_not_charge_imports_to_the_program(self):
        import sys
        for name in [m for m in sys.modules if m == "xml" or m.startswith("xml.")]:
            del sys.modules[name]
        r = run("""
            import time
            t0 = time.perf_counter()
            import xml.dom.minidom
            print(time.perf_counter() - t0 < 0.002)
        """, clock="realistic")
        self.assertEqual(r.stdout(), "True\n")

    def test_realistic_mode_counts_computation(self):
        r = run("""
            import asyncio, time
            async def main():
                t0 = time.perf_counter()
                sum(range(300_000))
                print(time.perf_counter() - t0 > 0)
            asyncio.run(main())
        """, clock="realistic")
        self.assertEqual(r.stdout(), "True\n")


class ProgramStyles(unittest.TestCase):
    def test_get_event_loop_style_runs_with_a_note(self):
        r = run("""
            import asyncio
            async def hello():
                await asyncio.sleep(1)
                print("hello")
            loop = asyncio.get_event_loop()
            loop.run_until_complete(hello())
            loop.close()
        """)
        self.assertEqual(r.status, "done")
        self.assertEqual(r.stdout(), "hello\n")
        notes = [d for d in r.details if d.get("k") == "warning"]
        self.assertEqual([n["code"] for n in notes], ["ambient-loop"])

    def test_top_level_await(self):
        r = run("""
            import asyncio
            await asyncio.sleep(1)
            print("awaited")
        """)
        self.assertEqual((r.status, r.stdout(), r.virtual_time), ("done", "awaited\n", 1.0))

    def test_several_asyncio_runs_share_one_clock(self):
        r = run("""
            import asyncio, time
            asyncio.run(asyncio.sleep(1))
            asyncio.run(asyncio.sleep(2))
            print(time.monotonic())
        """)
        self.assertEqual(r.stdout(), "3.0\n")

    def test_runner_and_new_event_loop(self):
        r = run("""
            import asyncio
            with asyncio.Runner() as runner:
                runner.run(asyncio.sleep(1))
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            loop.run_until_complete(asyncio.sleep(1))
            loop.close()
            print("ok")
        """)
        self.assertEqual((r.status, r.stdout(), r.virtual_time), ("done", "ok\n", 2.0))

    def test_callbacks_and_futures(self):
        r = run("""
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                fut = loop.create_future()
                fut.add_done_callback(lambda f: print("callback saw", f.result()))
                loop.call_later(2, fut.set_result, 42)
                loop.call_soon(print, "soon")
                loop.call_at(loop.time() + 1, print, "at 1")
                print("got", await fut)
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "soon\nat 1\ncallback saw 42\ngot 42\n")


class Endings(unittest.TestCase):
    def test_atexit_handlers_and_the_globals_finalizers_run_when_the_program_ends(self):
        # As when CPython's interpreter exits: atexit handlers (last registered first, also after
        # an uncaught exception), then __main__'s globals are cleared, running their __del__.
        for ending, status in (("", "done"), ("raise KeyError('k')", "error")):
            r = run(f"""
                import asyncio, atexit
                class Resource:
                    def __init__(self, name):
                        self.name = name
                    def __del__(self):
                        print("released", self.name)
                atexit.register(print, "atexit: first registered")
                atexit.register(lambda: print("atexit: last registered"))
                atexit.register(print, "atexit: unregistered")
                atexit.unregister(print)
                atexit.register(print, "atexit: registered again")
                kept = Resource("global")
                async def main():
                    temp = Resource("temp")
                    await asyncio.sleep(0.1)
                asyncio.run(main())
                print("end of program")
                {ending}
            """)
            self.assertEqual(r.status, status)
            self.assertEqual(r.stdout(), "released temp\nend of program\natexit: registered again\n"
                                         "atexit: last registered\nreleased global\n", ending)

    def test_a_program_that_replaces_builtins_still_ends_with_its_output(self):
        r = run("""
            import builtins
            builtins.len = lambda x: -1
            builtins.extra = 1
            print("patched")
        """)
        self.assertEqual(r.status, "done")
        self.assertEqual(r.stdout(), "patched\n")
        import builtins
        self.assertEqual(len("abc"), 3)
        self.assertFalse(hasattr(builtins, "extra"))

    def test_a_syntax_error_reports_line_and_column(self):
        r = run("x = 1\nprint(x\n")
        self.assertEqual(r.status, "error")
        error = r.end["error"]
        self.assertEqual((error["kind"], error["excType"], error["line"]), ("syntax", "SyntaxError", 2))

    def test_an_uncaught_exception_shows_only_user_frames(self):
        r = run("""
            import asyncio
            async def main():
                raise ValueError("boom")
            asyncio.run(main())
        """)
        self.assertEqual(r.status, "error")
        error = r.end["error"]
        self.assertEqual((error["excType"], error["message"], error["line"]), ("ValueError", "boom", 4))
        self.assertTrue(error["traceback"].endswith("ValueError: boom\n"))
        self.assertNotIn("runners.py", error["traceback"])
        self.assertNotIn("base_events.py", error["traceback"])

    def test_deadlock_stops_the_run_and_names_the_waiters(self):
        r = run("""
            import asyncio
            async def main():
                await asyncio.Event().wait()
            asyncio.run(main())
        """)
        self.assertEqual((r.status, r.end["reason"]), ("stopped", "deadlock"))
        self.assertIn("Task-1", r.end["message"])
        # The stuck task is not cancelled by asyncio.run's clean-up: it stays waiting, as the
        # program would in plain Python (which hangs there forever).
        self.assertEqual(r.of(Row.FINISH), [])
        self.assertEqual(r.of(Row.SUSPEND)[-1][2] & 31, Wait.EVENT)
        # Nor is asyncio.run's cancelling of what was left drawn as the program's doing.
        self.assertEqual(r.of(Row.CANCEL), [])
        after = r.rows[r.rows.index(r.of(Row.SUSPEND)[-1]) + 1:]
        self.assertEqual({row[0] for row in after} - {Row.WARNING, Row.LOOP_END}, set())  # no READY, no FINISH

    def test_an_endless_sleep_loop_meets_the_virtual_horizon(self):
        r = run("""
            import asyncio
            async def main():
                while True:
                    await asyncio.sleep(1)
            asyncio.run(main())
        """, virtualHorizonS=100)
        self.assertEqual((r.status, r.end["reason"]), ("stopped", "virtual-horizon"))
        self.assertLessEqual(r.virtual_time, 100)

    def test_a_busy_loop_meets_the_step_budget(self):
        r = run("""
            import asyncio
            async def main():
                while True:
                    await asyncio.sleep(0)
            asyncio.run(main())
        """, maxSteps=1000)
        self.assertEqual((r.status, r.end["reason"]), ("stopped", "steps"))
        self.assertEqual(r.end["totals"]["steps"], 1000)

    def test_output_and_task_budgets(self):
        r = run("while True: print('spam')", maxOutputBytes=1000)
        self.assertEqual((r.status, r.end["reason"]), ("stopped", "output"))
        r = run("""
            import asyncio
            async def main():
                for i in range(100):
                    asyncio.create_task(asyncio.sleep(1))
            asyncio.run(main())
        """, maxTasks=10)
        self.assertEqual((r.status, r.end["reason"]), ("stopped", "tasks"))

    def test_a_trace_that_grows_past_its_event_budget_stops_the_run(self):
        r = run("""
            import asyncio
            async def main():
                while True:
                    await asyncio.gather(*(asyncio.sleep(0) for _ in range(100)))
            asyncio.run(main())
        """, maxTraceEvents=50_000)
        self.assertEqual((r.status, r.end["reason"]), ("stopped", "trace-events"))
        self.assertIn("50,000 events", r.end["message"])
        self.assertGreater(len(r.rows), 50_000)

    def test_hostile_clocks_end_fast_by_their_budgets(self):
        r = run("import time\ntime.sleep(20)\nprint('woke')")
        self.assertEqual((r.status, r.stdout(), r.virtual_time), ("done", "woke\n", 20.0))
        r = run("""
            import asyncio
            async def main():
                loop = asyncio.get_running_loop()
                loop.time = lambda: 0.0  # a clock that never moves
                while True:
                    await asyncio.sleep(1)
            asyncio.run(main())
        """, virtualHorizonS=100)
        self.assertEqual(r.status, "stopped")
        self.assertIn(r.end["reason"], ("virtual-horizon", "steps"))

    def test_what_a_browser_cannot_do_says_why(self):
        r = run("""
            import threading
            threading.Thread(target=print).start()
        """)
        self.assertEqual(r.end["error"]["excType"], "UnsupportedInBrowser")
        self.assertIn("no threads", r.end["error"]["message"])


class WarmUp(unittest.TestCase):
    def test_the_boot_warm_up_runs_cleanly_and_leaves_no_trace_behind(self):
        from taskline import warm_up
        self.assertEqual([end["status"] for end in warm_up()], ["done", "done"])
        r = run("import asyncio; asyncio.run(asyncio.sleep(1)); print('after')")
        self.assertEqual((r.status, r.stdout(), r.virtual_time), ("done", "after\n", 1.0))
        self.assertEqual(r.lanes(), {"Task-1": 1})


class WhatProgramsSee(unittest.TestCase):
    def test_tasks_and_datetimes_print_as_in_plain_python(self):
        r = run("""
            import asyncio, datetime
            async def main():
                task = asyncio.create_task(asyncio.sleep(1), name="nap")
                print(repr(task).split(" coro=")[0], type(task).__name__)
                print(repr(datetime.datetime(2024, 1, 2)), repr(datetime.date(2024, 1, 2)))
                await task
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "<Task pending name='nap' Task\ndatetime.datetime(2024, 1, 2, 0, 0) datetime.date(2024, 1, 2)\n")

    def test_a_logging_handler_from_an_earlier_run_writes_into_the_current_one(self):
        run("import logging; logging.basicConfig(); logging.getLogger().warning('first')")
        r = run("import logging; logging.getLogger().warning('second')")
        self.assertEqual(r.stdout(2), "WARNING:root:second\n")

    def test_an_exception_never_retrieved_is_reported_in_the_same_run(self):
        r = run("""
            import asyncio
            async def boom():
                raise ValueError("lost")
            async def main():
                asyncio.create_task(boom())
                await asyncio.sleep(1)
            asyncio.run(main())
        """)
        self.assertIn("Task exception was never retrieved", r.stdout(2))


class Trace(unittest.TestCase):
    def test_steps_suspensions_and_endings_are_recorded(self):
        r = run("""
            import asyncio
            async def child():
                await asyncio.sleep(1)
                return 7
            async def main():
                task = asyncio.create_task(child(), name="kid")
                return await task
            asyncio.run(main())
        """)
        lanes = r.lanes()
        self.assertEqual(list(lanes), ["Task-1", "kid"])
        main, kid = lanes["Task-1"], lanes["kid"]
        suspends = r.of(Row.SUSPEND, kid)
        self.assertEqual(suspends[0][2] & 31, Wait.SLEEP)
        self.assertEqual(suspends[0][3], 4)  # the line of `await asyncio.sleep(1)`
        main_waits = r.of(Row.SUSPEND, main)
        self.assertEqual((main_waits[0][2] & 31, main_waits[0][2] >> 5), (Wait.TASK, kid))
        (finish,) = r.of(Row.FINISH, kid)
        self.assertEqual(finish[2], Outcome.DONE)
        self.assertEqual(r.details[finish[3]]["result"], "7")
        wakes = r.of(Row.READY, main)
        self.assertEqual((wakes[-1][2], wakes[-1][3]), (Waker.DONE, kid))
        created = r.of(Row.CREATED, kid)[0]
        self.assertEqual(created[3], main)

    def test_cancellation_records_who_asked(self):
        r = run("""
            import asyncio
            async def sleeper():
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError:
                    print("cancelled at", asyncio.get_running_loop().time())
                    raise
            async def main():
                task = asyncio.create_task(sleeper())
                await asyncio.sleep(1)
                task.cancel()
                try:
                    await task
                except asyncio.CancelledError:
                    pass
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "cancelled at 1.0\n")
        self.assertEqual(r.virtual_time, 1.0)
        lanes = r.lanes()
        (cancel,) = r.of(Row.CANCEL)
        self.assertEqual((cancel[1], cancel[2]), (lanes["Task-2"], lanes["Task-1"]))
        self.assertEqual(r.of(Row.FINISH, lanes["Task-2"])[0][2], Outcome.CANCELLED)
        # The cancelled sleep's suspend row still says it asked for 10 s (µs << 1 in the target bits).
        sleep = r.of(Row.SUSPEND, lanes["Task-2"])[0]
        self.assertEqual((sleep[2] & 31, sleep[2] >> 5), (Wait.SLEEP, 10_000_000 << 1))

    def test_a_sleep_records_the_length_it_asked_for_on_any_clock_and_scale(self):
        source = """
            import asyncio, time
            async def main():
                await asyncio.sleep(0.25)
                sum(range(20000))  # a little computation before the next request
                await asyncio.sleep(1800)
                await asyncio.to_thread(time.sleep, 1.5)
            asyncio.run(main())
        """
        for clock in ("ideal", "realistic"):
            r = run(source, clock=clock)
            codes = [x >> 5 for _, _, x, _, _ in r.of(Row.SUSPEND) if x & 31 == Wait.SLEEP]
            # µs below 33 s; ms (odd) above; the thread lane's time.sleep too. Exactly what was
            # asked, on the realistic clock too (not `when` minus a clock that has moved on).
            self.assertEqual(codes, [250_000 << 1, (1_800_000 << 1) | 1, 1_500_000 << 1], clock)

    def test_output_is_attributed_to_the_printing_task(self):
        r = run("""
            import asyncio
            async def main():
                print("hi")
            print("outside")
            asyncio.run(main())
        """)
        outputs = [(task, r.details[y]["text"]) for k, task, x, y, t in r.rows if k == Row.OUTPUT]
        self.assertEqual(outputs, [(0, "outside\n"), (1, "hi\n")])

    def test_wait_kinds_of_primitives(self):
        r = run("""
            import asyncio
            async def main():
                lock, event, queue = asyncio.Lock(), asyncio.Event(), asyncio.Queue()
                sem = asyncio.Semaphore(0)
                async def use_lock():
                    async with lock:
                        pass
                async def release_later():
                    await asyncio.sleep(1)
                    lock.release(); event.set(); queue.put_nowait(1); sem.release()
                await lock.acquire()
                await asyncio.gather(use_lock(), event.wait(), queue.get(), sem.acquire(), release_later())
            asyncio.run(main())
        """)
        kinds = {r.details[x]["coro"]: [] for k, _, x, _, _ in r.rows if k == Row.CREATED}
        names = {task: r.details[x]["coro"] for k, task, x, _, _ in r.rows if k == Row.CREATED}
        for k, task, x, _, _ in r.rows:
            if k == Row.SUSPEND:
                kinds[names[task]].append(x & 31)
        self.assertEqual(kinds["main.<locals>.use_lock"], [Wait.LOCK])
        self.assertEqual(kinds["Event.wait"], [Wait.EVENT])
        self.assertEqual(kinds["Queue.get"], [Wait.QUEUE])
        self.assertEqual(kinds["Semaphore.acquire"], [Wait.SEMAPHORE])
        self.assertEqual(kinds["main"], [Wait.GATHER])


if __name__ == "__main__":
    unittest.main()
