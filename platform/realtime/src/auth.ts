import { type RealtimeTokenPayload, verifyRealtimeToken } from "@omnify/core/realtime/token";
import type { Socket } from "socket.io";
import { deviceRoom, tenantRoom, userRoom } from "./events";

export type SocketData = RealtimeTokenPayload;

/** The message a refused client sees in its `connect_error`. */
export const UNAUTHORIZED = "unauthorized: missing, invalid or expired realtime token";

/**
 * socket.io middleware: the token from `handshake.auth.token` is the only identity we trust.
 * Cookies and query strings are ignored, so a page on another origin cannot borrow a session.
 */
export function authenticate(secret: string, now: () => Date = () => new Date()) {
  return (socket: Socket, next: (err?: Error) => void) => {
    const payload = verifyRealtimeToken(socket.handshake.auth?.token, secret, now());
    if (!payload) return next(new Error(UNAUTHORIZED));
    socket.data = payload satisfies SocketData;
    next();
  };
}

/**
 * Joins the socket's rooms and ends it when the token expires. Tokens are checked only at
 * the handshake, so without this a removed member would keep receiving events for as long
 * as the socket lived; clients reconnect with a fresh token (socket.io-client's `auth`
 * callback runs on every reconnect).
 */
export function admit(socket: Socket, now: () => Date = () => new Date()): void {
  const data = socket.data as SocketData;
  // A screen hears only its own room, never its tenant's member events.
  void socket.join(
    "deviceId" in data
      ? [deviceRoom(data.deviceId)]
      : [tenantRoom(data.tenantId), userRoom(data.userId)],
  );
  const { exp } = data;
  // setTimeout fires at once for delays past 2^31-1 ms, so long-lived tokens are capped.
  const delay = Math.min(exp * 1000 - now().getTime(), 2 ** 31 - 1);
  const timer = setTimeout(() => socket.disconnect(true), delay);
  timer.unref();
  socket.once("disconnect", () => clearTimeout(timer));
}
