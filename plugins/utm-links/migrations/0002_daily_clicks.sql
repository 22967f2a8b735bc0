-- Written by the rollup-clicks job: one row per link and UTC day, so charts over long
-- ranges do not count raw clicks.
create table daily_clicks (
  tenant_id uuid not null,
  link_id uuid not null,
  day date not null,
  clicks integer not null check (clicks >= 0),
  primary key (tenant_id, link_id, day),
  foreign key (tenant_id, link_id) references links (tenant_id, id) on delete cascade
);
alter table "daily_clicks" enable row level security;
alter table "daily_clicks" force row level security;
create policy tenant_isolation on "daily_clicks" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));
