import type { ServerClock } from "./clock";

const TOKEN_KEY = "omnify.screen.deviceToken";
/** Sent with every device call; the server records it on the device row. */
export const APP_VERSION = "1.0.0";

export type StartedPairing = {
  code: string;
  pairingId: string;
  pollToken: string;
  expiresAt: string;
};
export type PollResult =
  | { status: "pending"; expiresAt: string }
  | { status: "paired"; deviceId: string; tenantId: string; token: string };

/** An HTTP error from the device API, with the server's message when it sent one. */
export class DeviceApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
  /** The device was revoked or its token is unknown: pair again. */
  get unpaired(): boolean {
    return this.status === 401;
  }
}

async function readError(res: Response): Promise<DeviceApiError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { message?: string; field?: string | null };
  } | null;
  return new DeviceApiError(
    res.status,
    body?.error?.message ?? `${res.status} ${res.statusText}`,
    body?.error?.field ?? null,
  );
}

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(path, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-omnify-app-version": APP_VERSION,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body ?? {}),
    cache: "no-store",
  });
  if (!res.ok) throw await readError(res);
  return (await res.json()) as T;
}

export const storedToken = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

export const pairing = {
  start: () => post<StartedPairing>("/api/devices/pair", {}),
  poll: (p: Pick<StartedPairing, "pairingId" | "pollToken">) =>
    post<PollResult>("/api/devices/pair/poll", p),
};

/** The paired screen's calls: every one carries the device token and samples the clock. */
export class DeviceApi {
  constructor(
    private readonly token: string,
    private readonly pluginId: string,
    private readonly clock: ServerClock,
  ) {}

  async invoke<T>(procedure: string, input: unknown = {}): Promise<T> {
    const sentAt = Date.now();
    const result = await post<T>(
      "/api/devices/invoke",
      { pluginId: this.pluginId, procedure, input },
      this.token,
    );
    this.observe(sentAt, result);
    return result;
  }

  async realtimeToken(): Promise<{ token: string; url: string; serverTime: number | string }> {
    const sentAt = Date.now();
    const result = await post<{ token: string; url: string; serverTime: number | string }>(
      "/api/devices/realtime-token",
      {},
      this.token,
    );
    this.observe(sentAt, result);
    return result;
  }

  private observe(sentAt: number, result: unknown) {
    // The server may send epoch milliseconds or an ISO timestamp.
    const raw = (result as { serverTime?: unknown } | null)?.serverTime;
    const serverTime = typeof raw === "string" ? Date.parse(raw) : raw;
    if (typeof serverTime === "number" && Number.isFinite(serverTime))
      this.clock.sample(sentAt, Date.now(), serverTime);
  }
}
