import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema/index.ts",
  out: "./migrations",
  entities: { roles: { provider: "", exclude: ["omnify_app", "omnify_definer"] } },
  casing: "snake_case",
});
