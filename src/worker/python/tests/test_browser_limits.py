"""The tutorials' thread and process programs end with one explanation, not an obscure error."""

import unittest

from .support import run

THREADS = ("threading.Thread cannot start here", """
    import threading, time
    def work(n):
        time.sleep(1)
    ts = [threading.Thread(target=work, args=(i,)) for i in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
""", 7)  # the source starts with a blank line
THREAD_POOL = ("ThreadPoolExecutor cannot start its threads here", """
    from concurrent.futures import ThreadPoolExecutor
    def work(n):
        return n * 2
    with ThreadPoolExecutor(max_workers=3) as ex:
        print(list(ex.map(work, range(3))))
""", 6)  # the source starts with a blank line
PROCESS = ("multiprocessing.Process needs separate processes", """
    from multiprocessing import Process
    def work(n):
        print(n)
    if __name__ == "__main__":
        p = Process(target=work, args=(1,))
        p.start()
        p.join()
""", 7)  # the source starts with a blank line
POOL = ("multiprocessing.Pool needs separate processes", """
    from multiprocessing import Pool
    def square(x):
        return x * x
    if __name__ == "__main__":
        with Pool(4) as pool:
            print(pool.map(square, range(5)))
""", 6)  # the source starts with a blank line
PROCESS_POOL = ("ProcessPoolExecutor needs separate processes", """
    from concurrent.futures import ProcessPoolExecutor
    def square(x):
        return x * x
    if __name__ == "__main__":
        with ProcessPoolExecutor() as ex:
            print(list(ex.map(square, range(5))))
""", 6)  # the source starts with a blank line
QUEUE = ("multiprocessing.Queue needs separate processes", """
    import multiprocessing as mp
    q = mp.Queue()
""", 3)  # the source starts with a blank line


class ThreadsAndProcesses(unittest.TestCase):
    def test_each_tutorial_program_ends_with_what_real_python_does_and_what_to_use_here(self):
        for start, source, line in (THREADS, THREAD_POOL, PROCESS, POOL, PROCESS_POOL, QUEUE):
            with self.subTest(start):
                r = run(source)
                error = r.end.get("error", {})
                self.assertEqual((r.status, error.get("excType"), error.get("line")), ("error", "UnsupportedInBrowser", line))
                self.assertTrue(error["message"].startswith(start), error["message"])
                self.assertIn("in real Python", error["message"])
                # The same words show inside the gallery's "Process vs thread vs coroutine": no pointing at itself.
                self.assertNotIn("see the example", error["message"])

    def test_threads_inside_asyncio_still_run_on_thread_lanes(self):
        r = run("""
            import asyncio, threading, time
            lock = threading.Lock()
            def blocking():
                with lock:
                    time.sleep(1)
                return "ok"
            async def main():
                print(await asyncio.gather(asyncio.to_thread(blocking), asyncio.to_thread(blocking)))
            asyncio.run(main())
        """)
        self.assertEqual((r.status, r.stdout()), ("done", "['ok', 'ok']\n"))
        self.assertEqual(r.virtual_time, 2)  # as in CPython: the second thread waits for the lock

    def test_a_threading_lock_held_by_one_thread_lane_delays_the_next(self):
        r = run("""
            import asyncio, threading, time
            lock = threading.Lock()
            def locked_work(name, before, hold):
                time.sleep(before)
                with lock:
                    got = time.monotonic()
                    time.sleep(hold)
                return f"{name} got the lock at {got:.1f}"
            def try_lock():
                if lock.acquire(blocking=False):
                    lock.release()
                    return "free"
                return "busy"
            async def main():
                print(await asyncio.gather(
                    asyncio.to_thread(locked_work, "a", 0, 0.5),
                    asyncio.to_thread(locked_work, "b", 0.2, 0.1),
                    asyncio.to_thread(locked_work, "c", 0.7, 0.1),
                    asyncio.to_thread(try_lock),
                ))
                print(round(time.monotonic(), 1), try_lock(), lock.locked())
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "['a got the lock at 0.0', 'b got the lock at 0.5', 'c got the lock at 0.7', 'busy']\n"
                                     "0.8 free False\n")

    def test_on_the_realistic_clock_lanes_asking_for_a_lock_at_the_same_moment_take_turns(self):
        # The first lane computes a little before it asks (real time on this clock), so the second,
        # run after it from the same start, asks a fraction of a millisecond earlier on its clock.
        r = run("""
            import asyncio, threading, time
            lock = threading.Lock()
            def job(warm_up):
                sum(range(warm_up))
                with lock:
                    time.sleep(0.5)
            async def main():
                await asyncio.gather(asyncio.to_thread(job, 10_000), asyncio.to_thread(job, 0))
                print(round(time.monotonic(), 1))
            asyncio.run(main())
        """, clock="realistic")
        self.assertEqual(r.stdout(), "1.0\n")

    def test_a_thread_lane_sees_a_worker_thread_of_the_executor_and_no_running_loop(self):
        # As in CPython: the default executor's threads are named asyncio_0, asyncio_1, ... (an
        # idle one is reused), none is the main thread, and none has a running event loop.
        r = run("""
            import asyncio, threading, time
            def work(seconds):
                try:
                    asyncio.get_running_loop()
                    loop = "running loop"
                except RuntimeError as e:
                    loop = str(e)
                me = threading.current_thread()
                time.sleep(seconds)
                return f"{me.name} main={me is threading.main_thread()} alive={me.is_alive()} {loop}"
            async def main():
                print(await asyncio.gather(asyncio.to_thread(work, 0.1), asyncio.to_thread(work, 0.2)))
                print(await asyncio.to_thread(work, 0.1))
                print(threading.current_thread().name)
            asyncio.run(main())
            print(threading.current_thread().name)
        """)
        self.assertEqual(r.stdout(), "['asyncio_0 main=False alive=True no running event loop', "
                         "'asyncio_1 main=False alive=True no running event loop']\n"
                         "asyncio_0 main=False alive=True no running event loop\nMainThread\nMainThread\n")

    def test_an_executor_with_max_workers_queues_the_jobs_beyond_them(self):
        r = run("""
            import asyncio, concurrent.futures, threading, time
            def job(n):
                started = time.monotonic()
                time.sleep(0.1 * (n + 1))
                return f"job {n} ran on {threading.current_thread().name} from {started:.1f}"
            async def main():
                loop = asyncio.get_running_loop()
                with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
                    for line in await asyncio.gather(*(loop.run_in_executor(pool, job, n) for n in range(5))):
                        print(line)
                print("all done at", round(time.monotonic(), 1))
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "job 0 ran on pool_0 from 0.0\njob 1 ran on pool_1 from 0.0\njob 2 ran on pool_0 from 0.1\n"
                                     "job 3 ran on pool_1 from 0.2\njob 4 ran on pool_0 from 0.4\nall done at 0.9\n")

    def test_a_default_executor_the_program_sets_is_used_and_shut_down_quietly(self):
        # BaseEventLoop.shutdown_default_executor joins the executor from a helper thread, which
        # cannot start here: asyncio.run used to end with UnsupportedInBrowser.
        r = run("""
            import asyncio, concurrent.futures, threading, time
            def job(n):
                time.sleep(0.1)
                return f"{n} on {threading.current_thread().name}"
            async def main():
                loop = asyncio.get_running_loop()
                loop.set_default_executor(concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="only"))
                print(await asyncio.gather(*(asyncio.to_thread(job, n) for n in range(3))))
            asyncio.run(main())
            print("end", round(time.monotonic(), 1))
        """)
        self.assertEqual((r.status, r.stdout()), ("done", "['0 on only_0', '1 on only_0', '2 on only_0']\nend 0.3\n"))

    def test_a_worker_thread_has_its_own_context_unless_to_thread_copies_the_callers(self):
        r = run("""
            import asyncio, contextvars
            var = contextvars.ContextVar("var", default="default")
            def read():
                return var.get()
            def write(value):
                before = var.get()
                var.set(value)
                return before
            async def main():
                loop = asyncio.get_running_loop()
                var.set("task value")
                print("to_thread sees", await asyncio.to_thread(read))
                print("run_in_executor sees", await loop.run_in_executor(None, read))
                print("writer saw", await loop.run_in_executor(None, write, "set in a thread"))
                print("task still sees", var.get())
                print("same worker later sees", await loop.run_in_executor(None, read))
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "to_thread sees task value\nrun_in_executor sees default\nwriter saw default\n"
                                     "task still sees task value\nsame worker later sees set in a thread\n")

    def test_a_thread_lane_blocking_on_a_queue_ends_with_an_explanation_not_a_hang(self):
        # A consumer thread on a queue.Queue that a coroutine fills: CPython interleaves them;
        # a thread lane runs in one go, so its first get() could never return.
        for source, line in (("""
            import asyncio, queue
            def consumer(q):
                got = []
                while (item := q.get()) is not None:
                    got.append(item)
                return got
            async def main():
                q = queue.Queue()
                fut = asyncio.create_task(asyncio.to_thread(consumer, q))
                await asyncio.sleep(0.1)
                q.put(None)
                print(await fut)
            asyncio.run(main())
        """, 5), ("""
            import asyncio, threading
            lock = threading.Lock()
            async def main():
                with lock:
                    await asyncio.to_thread(lock.acquire)
            asyncio.run(main())
        """, 6)):
            r = run(source)
            error = r.end.get("error", {})
            self.assertEqual((r.status, error.get("excType"), error.get("line")), ("error", "UnsupportedInBrowser", line))
            self.assertIn("in real Python", error["message"])

    def test_a_thread_lanes_waits_with_a_timeout_take_that_long_on_its_clock(self):
        # Nobody can wake a lane (it runs in one go), so a wait with a timeout times out: after
        # that long on the lane's clock, not after real seconds with the virtual clock standing.
        r = run("""
            import asyncio, queue, threading, time
            def worker():
                log = []
                stop = threading.Event()
                t0 = time.monotonic()
                rounds = 0
                while not stop.wait(0.1):
                    rounds += 1
                    if rounds == 3:
                        break
                log.append(f"event waits {rounds} at {time.monotonic() - t0:.1f}")
                try:
                    queue.Queue().get(timeout=0.2)
                except queue.Empty:
                    log.append(f"queue empty at {time.monotonic() - t0:.1f}")
                cond = threading.Condition()
                with cond:
                    log.append(f"wait_for {cond.wait_for(lambda: False, timeout=0.15)} at {time.monotonic() - t0:.2f}")
                return log
            async def main():
                t0 = time.monotonic()
                print(await asyncio.to_thread(worker), round(time.monotonic() - t0, 2))
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "['event waits 3 at 0.3', 'queue empty at 0.5', 'wait_for False at 0.65'] 0.65\n")

    def test_thread_local_data_belongs_to_each_worker_thread(self):
        r = run("""
            import asyncio, threading, time
            local = threading.local()
            class Counter(threading.local):
                def __init__(self):
                    self.count = 0
            counter = Counter()
            def job(seconds):
                seen = getattr(local, "name", None)
                local.name = threading.current_thread().name
                counter.count += 1
                time.sleep(seconds)
                return f"{local.name} saw {seen}, count {counter.count}"
            async def main():
                local.name = "main"
                print(await asyncio.gather(asyncio.to_thread(job, 0.1), asyncio.to_thread(job, 0.2)))
                print(await asyncio.to_thread(job, 0.1))
                print("main still has", local.name, counter.count)
            asyncio.run(main())
        """)
        self.assertEqual(r.stdout(), "['asyncio_0 saw None, count 1', 'asyncio_1 saw None, count 1']\n"
                                     "asyncio_0 saw asyncio_0, count 2\nmain still has main 0\n")

    def test_a_thread_lane_waiting_for_the_loop_ends_with_an_explanation_not_a_hang(self):
        # run_coroutine_threadsafe(...).result() in a thread: the lane runs in one go while the
        # loop waits, so the result can never arrive; blocking on it would hang the worker.
        r = run("""
            import asyncio
            async def double(x):
                await asyncio.sleep(0.1)
                return 2 * x
            def worker(loop):
                return asyncio.run_coroutine_threadsafe(double(21), loop).result(timeout=5)
            async def main():
                print(await asyncio.to_thread(worker, asyncio.get_running_loop()))
            asyncio.run(main())
        """)
        error = r.end.get("error", {})
        self.assertEqual((r.status, error.get("excType"), error.get("line")), ("error", "UnsupportedInBrowser", 7))
        self.assertIn("in real Python", error["message"])


if __name__ == "__main__":
    unittest.main()
