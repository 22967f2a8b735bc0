import { type DBSchema, type IDBPDatabase, openDB } from "idb";

export type PlayRecord = {
  /** Made here, once; the server stores each id at most once, so re-sending is harmless. */
  id: string;
  itemId: string;
  bookingId: string;
  creativeId: string;
  startedAt: string;
  durationMs: number;
};

interface PlayerDb extends DBSchema {
  plays: { key: string; value: PlayRecord & { queuedAt: number } };
}

export type SendBatch = (records: PlayRecord[]) => Promise<{ acknowledged: string[] }>;

/**
 * Proof of play: each record is written to IndexedDB before anything else, and leaves it
 * only when the server has acknowledged its id. A crash, a reload or an outage loses
 * nothing; a batch whose answer was lost is sent again and deduplicated by the server.
 */
export class ProofOfPlayQueue {
  private flushing: Promise<number> | null = null;

  private constructor(
    private readonly db: IDBPDatabase<PlayerDb>,
    private readonly send: SendBatch,
    private readonly batchSize: number,
  ) {}

  static async open(send: SendBatch, batchSize = 50): Promise<ProofOfPlayQueue> {
    const db = await openDB<PlayerDb>("omnify-screen", 1, {
      upgrade(d) {
        d.createObjectStore("plays", { keyPath: "id" });
      },
    });
    return new ProofOfPlayQueue(db, send, batchSize);
  }

  async record(play: PlayRecord): Promise<void> {
    await this.db.put("plays", { ...play, queuedAt: Date.now() });
  }

  pending(): Promise<number> {
    return this.db.count("plays");
  }

  /** Sends the backlog in batches until it is empty or a send fails; returns how many left. */
  flush(): Promise<number> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<number> {
    for (;;) {
      const batch = await this.db.getAll("plays", undefined, this.batchSize);
      if (batch.length === 0) return 0;
      const { acknowledged } = await this.send(batch.map(({ queuedAt: _, ...play }) => play));
      const sent = new Set(batch.map((p) => p.id));
      const done = acknowledged.filter((id) => sent.has(id));
      if (done.length === 0) return batch.length;
      const tx = this.db.transaction("plays", "readwrite");
      await Promise.all([...done.map((id) => tx.store.delete(id)), tx.done]);
    }
  }
}
