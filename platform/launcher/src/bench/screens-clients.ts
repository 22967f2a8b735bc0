import { io, type Socket } from "socket.io-client";

/**
 * One load-generator process: opens `count` socket.io clients (websocket transport, as the
 * screen client does) and reports, per push, how long each took to arrive.
 */
type Start = { type: "start"; url: string; count: number; tokens: string[]; eventType: string };

const sockets: Socket[] = [];
let latencies: number[] = [];

process.on("message", async (m: Start | { type: "collect" } | { type: "close" }) => {
  if (m.type === "start") {
    let connected = 0;
    let failed = 0;
    const batch = 100;
    for (let i = 0; i < m.count; i += batch) {
      await Promise.all(
        Array.from({ length: Math.min(batch, m.count - i) }, (_, j) => {
          const socket = io(m.url, {
            transports: ["websocket"],
            forceNew: true,
            reconnection: false,
            auth: { token: m.tokens[(i + j) % m.tokens.length] },
            timeout: 60_000,
          });
          sockets.push(socket);
          socket.on("event", (e: { type: string; data: { sentAt?: number } }) => {
            if (e.type === m.eventType && typeof e.data.sentAt === "number")
              latencies.push(Date.now() - e.data.sentAt);
          });
          return new Promise<void>((resolve) => {
            socket.once("connect", () => {
              connected++;
              resolve();
            });
            socket.once("connect_error", () => {
              failed++;
              resolve();
            });
          });
        }),
      );
    }
    process.send?.({ type: "connected", connected, failed });
  } else if (m.type === "collect") {
    process.send?.({ type: "latencies", latencies });
    latencies = [];
  } else if (m.type === "close") {
    for (const s of sockets) s.close();
    process.exit(0);
  }
});
process.send?.({ type: "ready" });
