-- Money the plugin has decided to move, written before the provider is asked to move it, so
-- a crash, a failed call or a concurrent run can never pay or refund twice, and nothing is
-- lost when the provider refuses for a while. Missed plays (not spots) per hour.

-- One row per owner payout. `seq` counts an owner's payouts per provider and currency: two
-- runs that saw the same balance pick the same seq and only one row is written. The
-- provider call is keyed by `entry_key`; `claimed_until` keeps a second run from calling the
-- provider for the same payout while one is in flight (a crashed run's claim expires).
create table payout_intents (
  tenant_id uuid not null,
  entry_key text not null,
  owner_user_id text not null,
  provider text not null check (provider in ('stripe', 'paystack')),
  currency text not null,
  seq integer not null check (seq > 0),
  amount bigint not null check (amount > 0),
  account_ref text not null,
  status text not null default 'pending' check (status in ('pending', 'paid')),
  provider_ref text,
  attempts integer not null default 0,
  last_error text,
  claimed_until timestamptz,
  created_at timestamptz not null default now(),
  settled_at timestamptz,
  primary key (tenant_id, entry_key),
  unique (tenant_id, owner_user_id, provider, currency, seq)
);
create index payout_intents_pending on payout_intents (tenant_id) where status = 'pending';
alter table "payout_intents" enable row level security;
alter table "payout_intents" force row level security;
create policy tenant_isolation on "payout_intents" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

-- One row per refund the plugin owes, keyed by its reason (`cancel:<booking>`,
-- `missed:<booking>:<hour>:<kind>`, `expired:<booking>`, `dispute:<id>`,
-- `mismatch:<payment>`); the key is also the provider's idempotency key.
create table refund_intents (
  tenant_id uuid not null,
  entry_key text not null,
  booking_id uuid,
  payment_id text not null,
  provider text not null check (provider in ('stripe', 'paystack')),
  currency text not null,
  owner_user_id text,
  advertiser_user_id text,
  amount bigint not null check (amount > 0),
  status text not null default 'pending' check (status in ('pending', 'done')),
  refund_id text,
  attempts integer not null default 0,
  last_error text,
  claimed_until timestamptz,
  created_at timestamptz not null default now(),
  done_at timestamptz,
  primary key (tenant_id, entry_key)
);
create index refund_intents_pending on refund_intents (tenant_id) where status = 'pending';
create index refund_intents_by_booking on refund_intents (tenant_id, booking_id);
alter table "refund_intents" enable row level security;
alter table "refund_intents" force row level security;
create policy tenant_isolation on "refund_intents" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

-- A payments.succeeded that does not match its booking (checkout, amount, currency,
-- provider): never marks the booking paid; the money goes back through refund_intents.
create table payment_flags (
  tenant_id uuid not null,
  payment_id text not null,
  booking_id uuid,
  provider text not null,
  checkout_id text not null,
  amount bigint not null,
  currency text not null,
  reason text not null,
  created_at timestamptz not null default now(),
  primary key (tenant_id, payment_id)
);
alter table "payment_flags" enable row level security;
alter table "payment_flags" force row level security;
create policy tenant_isolation on "payment_flags" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

-- Missed plays per settled hour, the most plays a makegood hour may verify (its share of the
-- shortfall, not whole spots), and what became of a short hour: 'due' until it is made good
-- or its refund intent is written.
alter table booking_hours add column missed_plays integer not null default 0;
alter table booking_hours add column plays_cap integer check (plays_cap > 0);
alter table booking_hours add column settle_state text
  check (settle_state in ('due', 'made_good', 'refunded'));
create index booking_hours_settle_due on booking_hours (tenant_id) where settle_state = 'due';
