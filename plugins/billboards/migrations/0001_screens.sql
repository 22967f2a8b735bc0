-- Screens, their photos, the device that plays each one, heartbeats and outages.
-- Every table: tenant_id first in keys, ENABLE + FORCE row level security, the standard policy.

create table screens (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  owner_user_id text not null,
  name text not null check (length(name) between 1 and 100),
  address text not null check (length(address) between 1 and 300),
  lat double precision not null check (lat between -90 and 90),
  lng double precision not null check (lng between -180 and 180),
  area text not null default '',
  venue_type text not null,
  width_px integer not null check (width_px between 64 and 16384),
  height_px integer not null check (height_px between 64 and 16384),
  width_m numeric(8, 2) not null check (width_m > 0),
  height_m numeric(8, 2) not null check (height_m > 0),
  loop_seconds integer not null check (loop_seconds between 10 and 3600),
  spot_seconds integer not null check (spot_seconds between 5 and 300 and spot_seconds <= loop_seconds),
  -- Minor units (cents, kobo) for one spot (one share of the loop) held for one hour.
  price_per_spot_hour bigint not null check (price_per_spot_hour > 0),
  currency text not null check (currency in ('USD', 'NGN')),
  open_time time not null default '00:00',
  close_time time not null default '24:00',
  timezone text not null default 'UTC',
  impressions_per_play numeric(10, 2) not null default 1 check (impressions_per_play >= 0),
  status text not null default 'pending_approval'
    check (status in ('pending_approval', 'approved', 'rejected', 'suspended')),
  review_note text,
  reviewed_by text,
  reviewed_at timestamptz,
  health text not null default 'unpaired' check (health in ('unpaired', 'online', 'offline')),
  last_heartbeat_at timestamptz,
  app_version text,
  current_item text,
  uptime_seconds bigint,
  free_storage_bytes bigint,
  clock_offset_ms integer,
  schedule_version bigint not null default 1,
  demo_key text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, demo_key),
  check (close_time > open_time)
);
create index screens_by_owner on screens (tenant_id, owner_user_id);
alter table "screens" enable row level security;
alter table "screens" force row level security;
create policy tenant_isolation on "screens" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

create table screen_photos (
  tenant_id uuid not null,
  screen_id uuid not null,
  storage_key text not null,
  content_type text not null,
  width integer,
  height integer,
  created_at timestamptz not null default now(),
  primary key (tenant_id, screen_id, storage_key),
  foreign key (tenant_id, screen_id) references screens (tenant_id, id) on delete cascade
);
alter table "screen_photos" enable row level security;
alter table "screen_photos" force row level security;
create policy tenant_isolation on "screen_photos" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

-- The host's device (ctx.devices) that plays a screen; one live device per screen.
create table screen_devices (
  tenant_id uuid not null,
  device_id uuid not null,
  screen_id uuid not null,
  paired_by text not null,
  paired_at timestamptz not null default now(),
  revoked_at timestamptz,
  primary key (tenant_id, device_id),
  foreign key (tenant_id, screen_id) references screens (tenant_id, id) on delete cascade
);
create unique index screen_devices_one_live on screen_devices (tenant_id, screen_id)
  where revoked_at is null;
alter table "screen_devices" enable row level security;
alter table "screen_devices" force row level security;
create policy tenant_isolation on "screen_devices" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

create table heartbeats (
  tenant_id uuid not null,
  id bigint generated always as identity,
  screen_id uuid not null,
  device_id uuid not null,
  received_at timestamptz not null default now(),
  uptime_seconds bigint not null,
  free_storage_bytes bigint not null,
  app_version text not null,
  current_item text,
  clock_offset_ms integer not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, screen_id) references screens (tenant_id, id) on delete cascade
);
create index heartbeats_by_screen on heartbeats (tenant_id, screen_id, received_at);
alter table "heartbeats" enable row level security;
alter table "heartbeats" force row level security;
create policy tenant_isolation on "heartbeats" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

-- Opened by the offline detector, closed by the next heartbeat; makegoods read these.
create table screen_outages (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  screen_id uuid not null,
  started_at timestamptz not null,
  ended_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, screen_id) references screens (tenant_id, id) on delete cascade
);
create unique index screen_outages_one_open on screen_outages (tenant_id, screen_id)
  where ended_at is null;
alter table "screen_outages" enable row level security;
alter table "screen_outages" force row level security;
create policy tenant_isolation on "screen_outages" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

-- What an owner is told: a screen went offline, came back, a makegood was booked.
create table alerts (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id text not null,
  screen_id uuid,
  kind text not null,
  message text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  primary key (tenant_id, id)
);
create index alerts_by_user on alerts (tenant_id, user_id, created_at);
alter table "alerts" enable row level security;
alter table "alerts" force row level security;
create policy tenant_isolation on "alerts" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));
