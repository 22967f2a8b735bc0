-- Creatives, bookings, the per-hour capacity that keeps bookings honest, proof of play,
-- the money ledger, payout accounts and disputes.

-- Where an owner is paid: a Stripe connected account (USD) or a Paystack subaccount (NGN).
create table payout_accounts (
  tenant_id uuid not null,
  user_id text not null,
  provider text not null check (provider in ('stripe', 'paystack')),
  account_ref text not null,
  onboarding_url text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, user_id, provider)
);
alter table "payout_accounts" enable row level security;
alter table "payout_accounts" force row level security;
create policy tenant_isolation on "payout_accounts" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

create table creatives (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  screen_id uuid not null,
  advertiser_user_id text not null,
  name text not null,
  storage_key text not null,
  content_type text not null,
  size_bytes bigint not null,
  sha256 text not null,
  width integer not null,
  height integer not null,
  duration_ms integer not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected')),
  review_note text,
  reviewed_by text,
  reviewed_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, screen_id) references screens (tenant_id, id) on delete cascade
);
alter table "creatives" enable row level security;
alter table "creatives" force row level security;
create policy tenant_isolation on "creatives" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

create table bookings (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  screen_id uuid not null,
  owner_user_id text not null,
  advertiser_user_id text not null,
  creative_id uuid not null,
  date_from date not null,
  date_to date not null,
  dayparts jsonb not null,
  spots_per_hour integer not null check (spots_per_hour > 0),
  hours integer not null check (hours > 0),
  plays_per_spot_hour integer not null check (plays_per_spot_hour > 0),
  planned_plays integer not null,
  price_per_spot_hour bigint not null,
  amount bigint not null check (amount > 0),
  fee_amount bigint not null check (fee_amount >= 0 and fee_amount <= amount),
  currency text not null,
  provider text not null check (provider in ('stripe', 'paystack')),
  destination text not null,
  status text not null default 'pending_payment'
    check (status in ('pending_payment', 'paid', 'active', 'cancelled', 'completed')),
  checkout_id text,
  checkout_url text,
  payment_id text,
  paid_at timestamptz,
  cancelled_at timestamptz,
  refunded_amount bigint not null default 0 check (refunded_amount >= 0 and refunded_amount <= amount),
  expires_at timestamptz not null default now() + interval '30 minutes',
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, screen_id) references screens (tenant_id, id),
  foreign key (tenant_id, creative_id) references creatives (tenant_id, id),
  check (date_to >= date_from)
);
create index bookings_by_screen on bookings (tenant_id, screen_id, status);
create index bookings_by_advertiser on bookings (tenant_id, advertiser_user_id);
alter table "bookings" enable row level security;
alter table "bookings" force row level security;
create policy tenant_isolation on "bookings" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

-- Share of loop per screen and hour: capacity = floor(loop / spot) spots. Every booking adds
-- its spots here in the same statement that creates it; the check refuses overbooking, and
-- concurrent bookings of one hour serialise on its row.
create table slot_capacity (
  tenant_id uuid not null,
  screen_id uuid not null,
  hour_start timestamptz not null,
  capacity integer not null check (capacity > 0),
  booked integer not null,
  primary key (tenant_id, screen_id, hour_start),
  foreign key (tenant_id, screen_id) references screens (tenant_id, id) on delete cascade,
  constraint slot_capacity_not_overbooked check (booked >= 0 and booked <= capacity)
);
alter table "slot_capacity" enable row level security;
alter table "slot_capacity" force row level security;
create policy tenant_isolation on "slot_capacity" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

-- The hours a booking holds (kind 'booked') or was given back for missed spots ('makegood').
create table booking_hours (
  tenant_id uuid not null,
  booking_id uuid not null,
  hour_start timestamptz not null,
  kind text not null default 'booked' check (kind in ('booked', 'makegood')),
  spots integer not null check (spots > 0),
  released boolean not null default false,
  reconciled_at timestamptz,
  missed_spots integer not null default 0,
  primary key (tenant_id, booking_id, hour_start, kind),
  foreign key (tenant_id, booking_id) references bookings (tenant_id, id) on delete cascade
);
create index booking_hours_unreconciled on booking_hours (tenant_id, hour_start)
  where reconciled_at is null and not released;
alter table "booking_hours" enable row level security;
alter table "booking_hours" force row level security;
create policy tenant_isolation on "booking_hours" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

-- Proof of play. The id is the player's own record id, so a resent record is a no-op.
create table plays (
  tenant_id uuid not null,
  id uuid not null,
  screen_id uuid not null,
  device_id uuid not null,
  booking_id uuid,
  creative_id uuid,
  item_id text not null,
  started_at timestamptz not null,
  duration_ms integer not null,
  received_at timestamptz not null default now(),
  verified boolean not null,
  reject_reason text,
  primary key (tenant_id, id)
);
create index plays_by_booking on plays (tenant_id, booking_id, started_at);
create index plays_by_screen on plays (tenant_id, screen_id, started_at);
alter table "plays" enable row level security;
alter table "plays" force row level security;
create policy tenant_isolation on "plays" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));
revoke update on plays from plugin_billboards_runtime;

-- Append-only money ledger. entry_key makes every entry once-only (a retried webhook,
-- refund or payout writes nothing new). Amounts in minor units; earned_on_play carries
-- fractions of a minor unit and payouts are whole units.
create table ledger (
  tenant_id uuid not null,
  entry_key text not null,
  kind text not null check (kind in ('charge', 'application_fee', 'transfer', 'refund',
    'transfer_reversal', 'fee_refund', 'earned_on_play', 'payout', 'makegood')),
  booking_id uuid,
  owner_user_id text,
  advertiser_user_id text,
  provider text,
  currency text not null,
  amount numeric(18, 4) not null,
  provider_ref text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, entry_key)
);
create index ledger_by_owner on ledger (tenant_id, owner_user_id, kind);
create index ledger_by_booking on ledger (tenant_id, booking_id);
alter table "ledger" enable row level security;
alter table "ledger" force row level security;
create policy tenant_isolation on "ledger" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));
revoke update on ledger from plugin_billboards_runtime;

create table disputes (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  booking_id uuid not null,
  opened_by text not null,
  reason text not null check (length(reason) between 3 and 2000),
  status text not null default 'open' check (status in ('open', 'resolved', 'rejected')),
  resolution text,
  resolved_by text,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, booking_id) references bookings (tenant_id, id)
);
alter table "disputes" enable row level security;
alter table "disputes" force row level security;
create policy tenant_isolation on "disputes" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));
