"use client";

import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { useTRPCClient } from "./react";

export type TenantEvent = { type: string; data: unknown };
export type LiveState = "connecting" | "live" | "offline";

/**
 * Subscribes to the tenant's realtime room. Identity is a short-lived token from
 * `realtime.token` (never a cookie: the gateway is another origin). The `auth` callback
 * fetches a fresh token on every (re)connect, and when the gateway ends the socket because
 * the token expired, we reconnect. `onConnect` runs after each (re)connect so callers can
 * refetch whatever they might have missed while disconnected.
 */
export function useTenantEvents(
  onEvent: (event: TenantEvent) => void,
  onConnect?: () => void,
): LiveState {
  const client = useTRPCClient();
  const [state, setState] = useState<LiveState>("connecting");
  const handlers = useRef({ onEvent, onConnect });
  handlers.current = { onEvent, onConnect };

  useEffect(() => {
    let socket: Socket | undefined;
    let closed = false;
    void client.realtime.token.query().then(
      (first) => {
        if (closed) return;
        let unused: string | null = first.token;
        socket = io(first.url, {
          // No sticky sessions across gateway nodes, so no HTTP long-polling (design brief §7).
          transports: ["websocket"],
          auth: (cb) => {
            if (unused) {
              cb({ token: unused });
              unused = null;
              return;
            }
            client.realtime.token.query().then(
              ({ token }) => cb({ token }),
              () => cb({}),
            );
          },
        });
        socket.on("connect", () => {
          setState("live");
          handlers.current.onConnect?.();
        });
        socket.on("disconnect", (reason) => {
          setState("offline");
          if (reason === "io server disconnect" && !closed) socket?.connect();
        });
        socket.on("connect_error", () => setState("offline"));
        socket.on("event", (event: TenantEvent) => handlers.current.onEvent(event));
      },
      () => setState("offline"),
    );
    return () => {
      closed = true;
      socket?.disconnect();
    };
  }, [client]);

  return state;
}
