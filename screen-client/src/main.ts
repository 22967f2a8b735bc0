import { io, type Socket } from "socket.io-client";
import { ServerClock } from "./clock";
import { APP_VERSION, DeviceApi, DeviceApiError, storedToken } from "./device-api";
import { MediaCache, startServiceWorker } from "./media-cache";
import { pairScreen } from "./pairing";
import { Player } from "./player";
import { ProofOfPlayQueue } from "./proof-of-play";
import { parseSchedule, type Schedule } from "./schedule";
import "./styles.css";

const HEARTBEAT_MS = 30_000;
const FLUSH_MS = 10_000;
const SCHEDULE_KEY = "omnify.screen.schedule";
const BASE = import.meta.env.BASE_URL;
const params = new URLSearchParams(location.search);
const PLUGIN_ID = params.get("plugin") ?? "billboards";
const PUSH_TYPE = `plugin.${PLUGIN_ID}.schedule`;

const root = document.getElementById("app") as HTMLElement;
const status = document.createElement("div");

/** What e2e tests and the on-site technician can read. */
type PlayerStatus = { online: boolean; paired: boolean; pendingPlays: number; offsetMs: number };
const state: PlayerStatus = {
  online: navigator.onLine,
  paired: false,
  pendingPlays: 0,
  offsetMs: 0,
};
function showStatus() {
  status.className = "status";
  status.dataset.testid = "screen-status";
  status.dataset.online = String(state.online);
  status.dataset.pendingPlays = String(state.pendingPlays);
  status.title = `${state.online ? "online" : "offline"} · ${state.pendingPlays} plays queued · clock ${state.offsetMs} ms`;
  document.body.append(status);
}

async function run(token: string, worker: ServiceWorker | null): Promise<void> {
  const clock = new ServerClock();
  const api = new DeviceApi(token, PLUGIN_ID, clock);
  const media = new MediaCache(() => navigator.serviceWorker?.controller ?? worker);
  const started = performance.now();
  let unpaired = false;

  const onUnpaired = (error: unknown) => {
    if (!(error instanceof DeviceApiError) || !error.unpaired || unpaired) return false;
    unpaired = true;
    storedToken.clear();
    localStorage.removeItem(SCHEDULE_KEY);
    location.replace(`${location.pathname}?notice=${encodeURIComponent(error.message)}`);
    return true;
  };

  const queue = await ProofOfPlayQueue.open((records) =>
    api.invoke<{ acknowledged: string[] }>("screen.proofOfPlay", { records }),
  );
  const refreshPending = async () => {
    state.pendingPlays = await queue.pending();
    showStatus();
  };
  const flush = () =>
    queue
      .flush()
      .catch((error: unknown) => onUnpaired(error))
      .finally(() => void refreshPending());

  const player = new Player({
    root,
    clock,
    media,
    onPlay: (record) => {
      void queue.record(record).then(() => {
        void refreshPending();
        if (navigator.onLine) void flush();
      });
    },
  });

  let current: Schedule | null = null;
  const cached = localStorage.getItem(SCHEDULE_KEY);
  if (cached) {
    try {
      current = parseSchedule(JSON.parse(cached));
      player.apply(current);
    } catch {
      localStorage.removeItem(SCHEDULE_KEY);
    }
  } else player.restart();

  const refreshSchedule = async () => {
    try {
      const next = parseSchedule(await api.invoke("screen.schedule"));
      await media.prefetch(next.items.map((i) => i.url));
      localStorage.setItem(SCHEDULE_KEY, JSON.stringify(next));
      current = next;
      player.apply(next);
    } catch (error) {
      if (!onUnpaired(error)) console.warn("[screen] schedule refresh failed", error);
    }
  };

  const heartbeat = async () => {
    try {
      const estimate = await navigator.storage?.estimate?.();
      await api.invoke("screen.heartbeat", {
        uptimeSeconds: Math.round((performance.now() - started) / 1000),
        freeStorageBytes: Math.max(0, (estimate?.quota ?? 0) - (estimate?.usage ?? 0)),
        appVersion: APP_VERSION,
        currentItem: player.currentItemId,
        clockOffsetMs: clock.offsetMs,
      });
      state.offsetMs = clock.offsetMs;
      showStatus();
    } catch (error) {
      onUnpaired(error);
    }
  };

  // Realtime: the gateway pushes a new schedule version; the player fetches it at once.
  let socket: Socket | null = null;
  const connect = async () => {
    try {
      const first = await api.realtimeToken();
      socket = io(first.url, {
        transports: ["websocket"],
        // Runs on every (re)connect, so an expired token is replaced.
        auth: (cb) => {
          api.realtimeToken().then(
            (t) => cb({ token: t.token }),
            () => cb({ token: first.token }),
          );
        },
      });
      socket.on("connect", () => {
        void refreshSchedule();
        void flush();
      });
      socket.on("event", (event: { type?: string }) => {
        if (event?.type === PUSH_TYPE) void refreshSchedule();
      });
    } catch (error) {
      if (!onUnpaired(error)) setTimeout(() => void connect(), 5_000);
    }
  };

  window.addEventListener("online", () => {
    state.online = true;
    showStatus();
    void flush();
    void refreshSchedule();
  });
  window.addEventListener("offline", () => {
    state.online = false;
    showStatus();
  });

  state.paired = true;
  showStatus();
  await refreshSchedule();
  void connect();
  void heartbeat();
  void refreshPending();
  setInterval(() => void heartbeat(), HEARTBEAT_MS);
  setInterval(() => void flush(), FLUSH_MS);
  // Reference kept for debugging in DevTools.
  Object.assign(window, {
    omnifyScreen: {
      player,
      queue,
      clock,
      get socket() {
        return socket;
      },
      get schedule() {
        return current;
      },
    },
  });
}

/** Kiosk: no pointer, no context menu, full screen on the first key or tap. */
function kiosk() {
  document.addEventListener("contextmenu", (e) => e.preventDefault());
  const full = () => {
    if (!document.fullscreenElement)
      void document.documentElement.requestFullscreen?.().catch(() => {});
  };
  document.addEventListener("keydown", full, { once: true });
  document.addEventListener("pointerdown", full, { once: true });
}

async function boot() {
  kiosk();
  const worker = await startServiceWorker(BASE).catch((error: unknown) => {
    console.warn("[screen] no service worker; media is cached by the page", error);
    return null;
  });
  let token = storedToken.get();
  if (!token) token = await pairScreen(root, params.get("notice") ?? "");
  await run(token, worker);
}

void boot();
