import { timestamp } from "drizzle-orm/pg-core";

/**
 * Column helpers shared by every schema file. They only shorten what a table declares: the
 * SQL they produce is exactly what the hand-written columns produced (drizzle-kit generate
 * finds no change), so the migrations stay as they are.
 *
 * Every point in time the schema stores is a `timestamp with time zone`.
 */
export function timestamptz(name: string) {
  return timestamp(name, { withTimezone: true });
}

/** `created_at timestamptz not null default now()`. */
export function createdAt() {
  return timestamptz("created_at").notNull().defaultNow();
}

/** `updated_at timestamptz not null default now()`; the writer sets it on every update. */
export function updatedAt() {
  return timestamptz("updated_at").notNull().defaultNow();
}

/** Both of the above, to spread into a table's columns: `{ ...timestamps() }`. */
export function timestamps() {
  return { createdAt: createdAt(), updatedAt: updatedAt() };
}
