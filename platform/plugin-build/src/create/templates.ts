import { displayName, tableName, tenantPolicySql } from "./names.ts";

/** Every file of a new plugin, keyed by its path inside the plugin folder. */
export function pluginFiles(id: string): Record<string, string> {
  const table = tableName(id);
  return {
    "package.json": `${JSON.stringify(
      {
        name: `@omnify-plugin/${id}`,
        version: "0.1.0",
        private: true,
        type: "module",
        scripts: {
          build: "omnify-plugin build .",
          dev: "tsx ../../platform/sdk/src/dev/cli.ts .",
          test: `cd ../.. && vitest run plugins/${id}`,
          typecheck: "tsc -p tsconfig.json",
        },
        dependencies: { "@omnify/plugin-sdk": "*" },
        devDependencies: { "@types/react": "19.3.0" },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify(
      {
        extends: "../../tsconfig.base.json",
        compilerOptions: { allowImportingTsExtensions: true, verbatimModuleSyntax: true },
        include: ["src", "test", "*.ts"],
      },
      null,
      2,
    )}\n`,
    "plugin.config.ts": `import { type ManifestInput, z } from "@omnify/plugin-sdk";

/** The manifest: data only. The tenant admin consents to these capabilities at install. */
export default {
  id: "${id}",
  version: "0.1.0",
  hostApi: "^1.0.0",
  name: "${displayName(id)}",
  description: "Says hello and remembers who it greeted.",
  capabilities: {
    db: { migrations: true },
    ui: { slots: ["dashboard-card"] },
  },
  settings: z.object({
    greeting: z.string().trim().min(1).max(40).default("Hello").meta({ title: "Greeting" }),
  }),
} satisfies ManifestInput & { settings: z.ZodObject };
`,
    "src/server/index.ts": `import { definePlugin, z } from "@omnify/plugin-sdk";
import config from "../../plugin.config.ts";

export default definePlugin({
  ...config,
  server: {
    procedures: {
      /** Greets someone and counts how often this tenant has greeted them. */
      greet: {
        input: z.object({ name: z.string().trim().min(1).max(100) }),
        handler: async (input, ctx) => {
          const [row] = await ctx.db.query<{ times: number }>(
            \`insert into ${table} (tenant_id, name, times) values ($1, $2, 1)
             on conflict (tenant_id, name) do update set times = ${table}.times + 1
             returning times\`,
            [ctx.tenant.id, input.name],
          );
          return { message: \`\${ctx.settings.greeting}, \${input.name}!\`, times: row?.times ?? 1 };
        },
      },
    },
  },
});
`,
    "src/ui/DashboardCard.tsx": `import type { DashboardCardProps } from "@omnify/plugin-sdk/ui";
import { useState } from "react";

/** A dashboard card that calls the plugin's \`greet\` procedure. */
export default function DashboardCard({ tenant, call }: DashboardCardProps) {
  const [message, setMessage] = useState<string | null>(null);
  const greet = async () => {
    const out = (await call("greet", { name: tenant.name })) as { message: string; times: number };
    setMessage(\`\${out.message} (\${out.times}×)\`);
  };
  return (
    <section style={{ display: "grid", gap: "var(--omni-space-2)" }}>
      <button type="button" onClick={greet}>
        Greet {tenant.name}
      </button>
      {message && <output>{message}</output>}
    </section>
  );
}
`,
    "migrations/0001_init.sql": `-- Every table needs tenant_id uuid not null, ENABLE + FORCE row level security and the
-- standard tenant policy below; the host checks this after each migration.
create table ${table} (
  tenant_id uuid not null,
  name text not null,
  times integer not null,
  primary key (tenant_id, name)
);
${tenantPolicySql(table)}
`,
    "test/plugin.integration.test.ts": `import { type PluginRun, runPlugin } from "@omnify/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let p: PluginRun;
beforeAll(async () => {
  p = await runPlugin({ dir: new URL("..", import.meta.url), tenants: ["t1", "t2"] });
});
afterAll(() => p?.close());

describe("${id}", () => {
  it("greets, and counts per tenant", async () => {
    expect(await p.call("t1", "greet", { name: "Ada" })).toEqual({ message: "Hello, Ada!", times: 1 });
    expect(await p.call("t1", "greet", { name: "Ada" })).toMatchObject({ times: 2 });
    expect(await p.call("t2", "greet", { name: "Ada" })).toMatchObject({ times: 1 });
  });

  it("uses the tenant's settings", async () => {
    p.setSettings("t2", { greeting: "Moin" });
    expect(await p.call("t2", "greet", { name: "Bo" })).toMatchObject({ message: "Moin, Bo!" });
  });

  it("names the bad field", async () => {
    await expect(p.call("t1", "greet", { name: "" })).rejects.toThrow(/input\\.name/);
  });

  it("stays within its CPU and memory budget", async () => {
    await p.expectWithinBudget();
  });
});
`,
    "README.md": readme(id),
  };
}

function readme(id: string): string {
  return `# ${displayName(id)}

An Omnify plugin. The author guide is \`platform/sdk/README.md\`.

| path | what |
| --- | --- |
| \`plugin.config.ts\` | manifest: id, version, capabilities, settings |
| \`src/server/index.ts\` | \`definePlugin({ ...config, server })\`: procedures, events, jobs |
| \`src/ui/DashboardCard.tsx\` | the dashboard card (one file per UI slot) |
| \`migrations/\` | SQL for the plugin's own schema, with the tenant policy on every table |
| \`test/\` | Vitest with \`runPlugin()\` from \`@omnify/plugin-sdk/testing\` |

\`\`\`sh
npx vitest run plugins/${id}                   # tests, in the real sandbox and database
npx omnify-plugin dev plugins/${id}            # dev host: POST /call, rebuilds on save
npm run build -w @omnify-plugin/${id}          # dist/ for the catalog
\`\`\`
`;
}
