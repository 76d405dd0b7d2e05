/** Tutorial web handlers (FastAPI style) run unchanged; the Requests panel sends them requests. */
import { expect, test } from "./fixtures";

const BURGERS = `import asyncio
from fastapi import FastAPI

app = FastAPI()

async def get_burgers(number: int):
    await asyncio.sleep(3)
    return f"{number} burgers"

async def get_coca(number: int):
    await asyncio.sleep(2)
    return f"{number} coca"

@app.get("/orders")
async def read_orders(burgers: int = 0, coca: int = 0, consumer: str = ""):
    burger, cola = await asyncio.gather(get_burgers(burgers), get_coca(coca))
    return {"consumer": consumer, "burgers": burger, "coca": cola}
`;

test("two concurrent orders to the tutorial's handler finish in 3 s with two request lanes", async ({ playground, page }) => {
  await playground.openWithCode(BURGERS);
  await page.getByTestId("request-path").fill("/orders?burgers=3&coca=2&consumer=Ann");
  await page.getByTestId("request-copies").fill("2");
  await page.getByTestId("send-requests").click();
  await expect(playground.status).toHaveAttribute("data-state", /^(done|error|stopped|crashed)$/, { timeout: 45_000 });
  await expect(playground.status).toHaveAttribute("data-state", "done");
  const json = '{"consumer": "Ann", "burgers": "3 burgers", "coca": "2 coca"}';
  const lines = await playground.consoleText();
  expect(lines).toHaveLength(2);
  for (const line of lines) expect(line).toMatch(new RegExp(`^GET /orders\\?burgers=3&coca=2&consumer=Ann → 200 ${json.replace(/[{}?]/g, "\\$&")} \\(3(\\.0\\d*)? s\\)$`));
  const time = await playground.virtualTime();
  expect(time).toBeGreaterThanOrEqual(3);
  expect(time).toBeLessThanOrEqual(3.15);
  await expect(page.locator('[data-testid=lane][data-task="GET /orders?burgers=3&coca=2&consumer=Ann #1"]')).toHaveAttribute("data-final-state", "done");
  await expect(page.locator('[data-testid=lane][data-task="GET /orders?burgers=3&coca=2&consumer=Ann #2"]')).toHaveAttribute("data-final-state", "done");
});
