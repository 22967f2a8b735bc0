import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { TENANT_EVENTS_CHANNEL } from "@omnify/core/realtime/publish";
import type { AppDatabase } from "@omnify/db";
import { Server } from "socket.io";
import { admit, authenticate } from "./auth";
import { parseTenantEvent, tenantRoom } from "./events";
import { httpHandler } from "./health";

export type Logger = Pick<Console, "info" | "warn" | "error">;

export type GatewayOptions = {
  db: AppDatabase;
  /** OMNIFY_SECRET: the HMAC key realtime tokens are signed with. */
  secret: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Unset listens on every interface, like `next start`. */
  host?: string;
  log?: Logger;
};

export type RealtimeGateway = { port: number; close(): Promise<void> };

/** Starts the socket.io gateway and relays committed omnify_events NOTIFYs to tenant rooms. */
export async function createRealtimeGateway(opts: GatewayOptions): Promise<RealtimeGateway> {
  const log = opts.log ?? console;
  let listening = false;
  const http = createServer(httpHandler(() => listening));
  const io = new Server(http, {
    // Without sticky sessions, HTTP long-polling breaks across nodes; WebSocket is one
    // connection, so any node can hold it.
    transports: ["websocket"],
    serveClient: false,
    // Every tenant has its own (custom) origin, so we reflect the caller's origin. This is
    // safe because identity is the HMAC token in the handshake payload, never a cookie: a
    // foreign page gets no ambient credentials, and cannot obtain a token, which is minted
    // by the portal's same-origin, session-authenticated tRPC call.
    cors: { origin: true, credentials: false },
  });
  io.use(authenticate(opts.secret));
  io.on("connection", (socket) => admit(socket));

  const { unlisten } = await opts.db.listen(TENANT_EVENTS_CHANNEL, (payload) => {
    const parsed = parseTenantEvent(payload);
    if (!parsed.ok) {
      log.warn(`[realtime] dropped malformed ${TENANT_EVENTS_CHANNEL} payload (${parsed.reason})`);
      return;
    }
    const { tenantId, type, data } = parsed.event;
    io.to(tenantRoom(tenantId)).emit("event", { type, data });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once("error", reject);
      http.listen(opts.port, opts.host, () => {
        http.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await unlisten();
    await io.close();
    throw error;
  }
  listening = true;

  return {
    port: (http.address() as AddressInfo).port,
    async close() {
      listening = false;
      await unlisten();
      // Also closes the http server once every socket has been disconnected.
      await io.close();
    },
  };
}
