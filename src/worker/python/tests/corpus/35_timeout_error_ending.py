# An uncaught TimeoutError from wait_for ends the program with exit status 1.
import asyncio


async def slow_service():
    try:
        await asyncio.sleep(5)
    finally:
        print("slow_service cleaned up")


async def main():
    print("calling service")
    await asyncio.wait_for(slow_service(), timeout=0.2)
    print("never reached")


asyncio.run(main())
