-- drizzle-kit cannot emit FORCE ROW LEVEL SECURITY (see 0002); every new table gets it here.
-- The app role's SELECT/INSERT/UPDATE/DELETE come from 0002's default privileges.
ALTER TABLE "brand_assets" FORCE ROW LEVEL SECURITY;
