import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  prunePublishedEvents,
  readPublishedEvents,
  TENANT_EVENTS_CHANNEL,
  type TenantEventPayload,
} from "@omnify/core/realtime/publish";
import type { AppDatabase } from "@omnify/db";
import { Server } from "socket.io";
import { admit, authenticate, type SocketData } from "./auth";
import { deviceRoom, isEventId, tenantRoom } from "./events";
import { httpHandler } from "./health";
import { createEventRelay } from "./relay";

export type Logger = Pick<Console, "info" | "warn" | "error">;

export type GatewayOptions = {
  db: AppDatabase;
  /** OMNIFY_SECRET: the HMAC key realtime tokens are signed with. */
  secret: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Unset listens on every interface, like `next start`. */
  host?: string;
  /**
   * SO_REUSEPORT: several gateway processes on one machine share the port and the kernel
   * spreads connections over them. Each process LISTENs to PostgreSQL itself, so every one
   * relays every event to its own sockets and no adapter between them is needed.
   */
  reusePort?: boolean;
  log?: Logger;
};

export type RealtimeGateway = { port: number; close(): Promise<void> };

/** How often the gateway deletes relayed events older than ten minutes (every gateway may). */
const PRUNE_EVERY_MS = 60_000;

/**
 * Starts the socket.io gateway and relays committed events to tenant and device rooms. A
 * NOTIFY on omnify_events only names a `realtime_events` row; tenant, device and data come
 * from that row, which only the app login can write and only for its transaction's tenant.
 */
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

  const emit = ({ tenantId, type, data, deviceId }: TenantEventPayload) => {
    if (!deviceId) {
      io.to(tenantRoom(tenantId)).emit("event", { type, data });
      return;
    }
    // Only sockets whose token names this tenant: a device id from another tenant's event
    // never reaches a screen, even if ids were ever reused or guessed.
    void io
      .in(deviceRoom(deviceId))
      .fetchSockets()
      .then((sockets) => {
        for (const s of sockets)
          if ((s.data as SocketData).tenantId === tenantId) s.emit("event", { type, data });
      });
  };
  const relay = createEventRelay({
    read: (ids) => opts.db.withoutTenant((tx) => readPublishedEvents(tx, ids)),
    emit,
    isEventId,
    log,
    channel: TENANT_EVENTS_CHANNEL,
  });
  const { unlisten } = await opts.db.listen(TENANT_EVENTS_CHANNEL, (payload) =>
    relay.push(payload),
  );
  const prune = () =>
    opts.db
      .withoutTenant(prunePublishedEvents)
      .catch((error: unknown) => log.error("[realtime] could not prune relayed events", error));
  let pruning = prune();
  const pruner = setInterval(() => {
    pruning = prune();
  }, PRUNE_EVERY_MS);
  pruner.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      http.once("error", reject);
      http.listen({ port: opts.port, host: opts.host, reusePort: opts.reusePort ?? false }, () => {
        http.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    clearInterval(pruner);
    await unlisten();
    await Promise.all([relay.drain(), pruning]);
    await io.close();
    throw error;
  }
  listening = true;

  return {
    port: (http.address() as AddressInfo).port,
    async close() {
      listening = false;
      clearInterval(pruner);
      await unlisten();
      await Promise.all([relay.drain(), pruning]);
      // Also closes the http server once every socket has been disconnected.
      await io.close();
    },
  };
}
