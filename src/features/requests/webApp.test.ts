import { describe, expect, it } from "vitest";
import { requestSpec, webAppRoutes } from "./webApp";

const TUTORIAL = `from fastapi import FastAPI
app = FastAPI()

@app.get("/orders")
async def read_orders(burgers: int = 0, coca: int = 0, consumer: str = ""):
    ...

@app.post('/items/{item_id}')
def update(item_id: int):
    ...
`;

describe("the Requests panel's reading of a program", () => {
  it("finds a FastAPI app and its routes in source order", () => {
    expect(webAppRoutes(TUTORIAL)).toEqual([
      { method: "GET", path: "/orders" },
      { method: "POST", path: "/items/{item_id}" },
    ]);
  });

  it("stays away from programs without an app", () => {
    expect(webAppRoutes("import asyncio\nasyncio.run(main())")).toBeUndefined();
  });

  it("accepts a well-formed request and explains a malformed one", () => {
    expect(requestSpec("GET", " /orders?burgers=3 ", 2, 0)).toEqual({ ok: true, value: { method: "GET", path: "/orders?burgers=3", copies: 2, staggerS: 0 } });
    expect(requestSpec("GET", "orders", 1, 0).ok).toBe(false);
    expect(requestSpec("GET", "/orders", 0, 0).ok).toBe(false);
    expect(requestSpec("GET", "/orders", 1.5, 0).ok).toBe(false);
    expect(requestSpec("GET", "/orders", 1, -1).ok).toBe(false);
  });
});
