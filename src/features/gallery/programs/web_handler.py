# An async web handler: while one order waits on the database, others are served.
import asyncio
import time


async def query_db(sql, seconds):
    await asyncio.sleep(seconds)  # stands in for a network round trip
    return f"result of {sql!r}"


async def charge_card(order_id):
    await asyncio.sleep(0.8)
    return f"payment-{order_id}"


async def handle_order(order_id, items):
    start = time.perf_counter()
    stock, user = await asyncio.gather(
        query_db(f"SELECT stock FOR {items}", 0.5),
        query_db(f"SELECT user FOR order {order_id}", 0.3),
    )
    receipt = await charge_card(order_id)
    took = time.perf_counter() - start
    print(f"order {order_id}: 200 OK, {receipt}, took {took:.1f} s")
    return 200


async def server():
    # Four requests arrive a little apart; each gets its own task, as a web framework would do.
    tasks = []
    for order_id in range(1, 5):
        tasks.append(asyncio.create_task(handle_order(order_id, ["book"]), name=f"order-{order_id}"))
        await asyncio.sleep(0.2)
    statuses = await asyncio.gather(*tasks)
    print(f"served {len(statuses)} orders in {time.perf_counter() - START:.1f} s")


START = time.perf_counter()
asyncio.run(server())
