import { io as connect, type Socket } from "socket.io-client";

export type Received = { type: string; data: Record<string, unknown> };

/** Bounded wait for an event on one client, so a lost event fails instead of hanging. */
export function nextEvent(socket: Socket, type: string): Promise<Received> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" within 5s`)), 5_000);
    const onEvent = (e: Received) => {
      if (e.type !== type) return;
      clearTimeout(timer);
      socket.off("event", onEvent);
      resolve(e);
    };
    socket.on("event", onEvent);
  });
}

/** A socket.io client on the gateway at `port`, added to `opened` so the file can close it. */
export function openSocket(port: number, token: unknown, opened: Socket[]): Socket {
  const socket = connect(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    auth: { token },
    reconnection: false,
    forceNew: true,
  });
  opened.push(socket);
  return socket;
}

/** A connected client, and every event it receives from now on. */
export async function connectedSocket(port: number, token: string, opened: Socket[]) {
  const socket = openSocket(port, token, opened);
  const events: Received[] = [];
  socket.on("event", (e: Received) => events.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", reject);
  });
  return { socket, events };
}
