// Browser entry of the loader harness (see ../plugins-ui-loader.e2e.ts): the portal's real
// federation host, outside Next, mounting one slot of a built fixture plugin.
import type { EnabledUiEntry } from "@omnify/plugin-sdk/ui";
import { createRoot } from "react-dom/client";
import { loadSlotComponent } from "../../src/plugins-ui/federation";

const entry = JSON.parse(document.getElementById("entry")?.textContent ?? "{}") as EnabledUiEntry;
const root = createRoot(document.getElementById("root") as HTMLElement);
const tenant = { id: "t1", name: "Harness Tenant", kind: "agency" as const };

loadSlotComponent<Record<string, unknown>>(entry, "dashboard-card").then(
  (Card) =>
    root.render(
      <Card
        tenant={tenant}
        plugin={{ id: entry.pluginId, version: entry.version }}
        settings={{}}
        call={async (procedure: string, input: unknown) => `${procedure}:${JSON.stringify(input)}`}
      />,
    ),
  (e: unknown) => {
    document.body.dataset.error = e instanceof Error ? e.message : String(e);
  },
);
