import { randomUUID } from "node:crypto";
import { type AppDatabase, sql } from "@omnify/db";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, expect } from "vitest";
import { DomainError } from "../src/errors";
import type { Mailer, MailMessage } from "../src/mail/mailer";
import {
  readPublishedEvents,
  TENANT_EVENTS_CHANNEL,
  type TenantEventPayload,
} from "../src/realtime/publish";
import { resolveTenantByHost } from "../src/tenancy/resolve-tenant";
import type { ResolvedTenant } from "../src/tenancy/resolved-tenant";
import { seedWorld, testConfig, type World } from "./seed";

/** A Mailer that keeps what it was asked to send; `fail` makes the next send throw. */
export function capturingMailer(): Mailer & { sent: MailMessage[]; fail: boolean } {
  const mailer = {
    sent: [] as MailMessage[],
    fail: false,
    async send(msg: MailMessage) {
      if (mailer.fail) throw new Error("SMTP down");
      mailer.sent.push(msg);
    },
  };
  return mailer;
}

/** The tenant a host resolves to, failing the test when it does not. */
export async function tenantAt(db: AppDatabase, host: string): Promise<ResolvedTenant> {
  const tenant = await resolveTenantByHost(db, host, testConfig);
  if (!tenant) throw new Error(`no tenant at ${host}`);
  return tenant;
}

/**
 * Realtime events published on the gateway channel while `fn` runs, read back as the gateway
 * does (a notification names a realtime_events row). No fixed wait: once `fn` is done, a
 * marker is notified on the same channel, and PostgreSQL delivers notifications in commit
 * order, so every event `fn` committed has been notified when the marker is.
 */
export async function collectEvents(
  db: AppDatabase,
  fn: () => Promise<unknown>,
): Promise<TenantEventPayload[]> {
  const ids: string[] = [];
  const marker = `collect-events:${randomUUID()}`;
  let markerSeen: () => void = () => {};
  const markerArrived = new Promise<void>((resolve) => {
    markerSeen = resolve;
  });
  const sub = await db.listen(TENANT_EVENTS_CHANNEL, (payload) => {
    if (payload === marker) markerSeen();
    else ids.push(payload);
  });
  try {
    await fn().catch(() => undefined);
    await db.withoutTenant((tx) =>
      tx.execute(sql`select pg_notify(${TENANT_EVENTS_CHANNEL}, ${marker})`),
    );
    await markerArrived;
  } finally {
    await sub.unlisten();
  }
  const found = await db.withoutTenant((tx) => readPublishedEvents(tx, ids));
  return ids.flatMap((id) => found.get(id) ?? []);
}

/** The token from an invitation link in a captured e-mail. */
export function inviteTokenFrom(msg: MailMessage | undefined): string {
  const match = /\/invite\/([a-z2-7]{32})/.exec(msg?.text ?? "");
  if (!match?.[1]) throw new Error("no invitation link in the e-mail");
  return match[1];
}

/** Awaits a promise that must fail with a DomainError and returns that error. */
export async function domainFailure(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

export type WorldSetup = {
  t: TestDatabase;
  w: World;
  alpha: ResolvedTenant;
  client: ResolvedTenant;
  beta: ResolvedTenant;
};

/**
 * Registers hooks that give the file its own database seeded with `seedWorld`, and returns
 * an object whose fields are filled in before the first test runs.
 */
export function setupWorld(): WorldSetup {
  const s = {} as WorldSetup;
  beforeAll(async () => {
    s.t = await createTestDatabase();
    s.w = await seedWorld(s.t.admin);
    s.alpha = await tenantAt(s.t.app, "alpha.omnify.test");
    s.client = await tenantAt(s.t.app, "client.alpha.omnify.test");
    s.beta = await tenantAt(s.t.app, "beta.omnify.test");
  });
  afterAll(() => s.t?.drop());
  return s;
}
