/** The program shown on a fresh page: small, friendly, and worth a look on the swimlane. */
export const DEFAULT_SOURCE = `# Three coroutines share one event loop:
# while one sleeps, the others run.
# Press Run (Ctrl+Enter) to see each one on its own lane.
import asyncio


async def count():
    print("One")
    await asyncio.sleep(1)
    print("Two")


async def main():
    await asyncio.gather(count(), count(), count())


asyncio.run(main())
`;
