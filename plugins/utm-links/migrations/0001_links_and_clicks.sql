-- Every table: tenant_id uuid not null, ENABLE + FORCE row level security, and the standard
-- tenant policy, exactly as pluginTenantPolicySql('<table>') prints it (the host verifies it).

create table links (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  slug text not null,
  destination text not null,
  tagged_url text not null,
  short_url text,
  utm_source text not null,
  utm_medium text not null,
  utm_campaign text not null,
  utm_term text,
  utm_content text,
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, slug)
);
alter table "links" enable row level security;
alter table "links" force row level security;
create policy tenant_isolation on "links" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));

-- click_id is the caller's id for the click: the primary key makes a redelivery a no-op.
create table clicks (
  tenant_id uuid not null,
  click_id text not null,
  link_id uuid not null,
  occurred_at timestamptz not null default now(),
  referrer text,
  primary key (tenant_id, click_id),
  foreign key (tenant_id, link_id) references links (tenant_id, id) on delete cascade
);
create index clicks_by_link_time on clicks (tenant_id, link_id, occurred_at);
alter table "clicks" enable row level security;
alter table "clicks" force row level security;
create policy tenant_isolation on "clicks" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));
