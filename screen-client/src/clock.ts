/**
 * Server clock offset, NTP-style: for a request sent at t0 and answered at t1 carrying the
 * server's time s, offset = s - (t0 + t1) / 2. Keeps the few most recent samples and trusts
 * the one with the shortest round trip, whose error is smallest.
 */
export class ServerClock {
  private samples: { offset: number; rtt: number }[] = [];

  constructor(private readonly keep = 8) {}

  sample(sentAt: number, receivedAt: number, serverTime: number): void {
    if (!Number.isFinite(serverTime) || receivedAt < sentAt) return;
    const rtt = receivedAt - sentAt;
    this.samples.push({ offset: serverTime - (sentAt + receivedAt) / 2, rtt });
    if (this.samples.length > this.keep) this.samples.shift();
  }

  /** Milliseconds to add to the local clock to get server time (0 before any sample). */
  get offsetMs(): number {
    let best: { offset: number; rtt: number } | undefined;
    for (const s of this.samples) if (!best || s.rtt < best.rtt) best = s;
    return Math.round(best?.offset ?? 0);
  }

  now(local = Date.now()): number {
    return local + this.offsetMs;
  }
}
