/**
 * A server on another port of 127.0.0.1 that records every request it gets (any method, any path,
 * websocket upgrades too). The hostile suite aims fetch / WebSocket / import() at it from Python
 * and from the page, then checks (from Node) that it saw none.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordingServer {
  readonly url: string;
  requests(): string[];
  close(): Promise<void>;
}

export function startRecordingServer(): Promise<RecordingServer> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "Content-Type": "text/javascript", "Access-Control-Allow-Origin": "*" }).end("export const hit = 1;");
  });
  server.on("upgrade", (req, socket) => {
    seen.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests: () => [...seen],
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
