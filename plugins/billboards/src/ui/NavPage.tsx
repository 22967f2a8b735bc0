import type { NavPageProps } from "@omnify/plugin-sdk/ui";
import { useState } from "react";
import { Admin } from "./Admin.tsx";
import { Approvals } from "./Approvals.tsx";
import { BookingFlow } from "./BookingFlow.tsx";
import { AdvertiserDashboard, OwnerDashboard } from "./Dashboards.tsx";
import { Marketplace } from "./Marketplace.tsx";
import { StuckBadge } from "./Money.tsx";
import { MyScreens } from "./MyScreens.tsx";
import { s, tab } from "./styles.ts";
import { useProcedure } from "./use-procedure.ts";

const TABS = [
  { id: "", label: "Marketplace" },
  { id: "dashboard", label: "Dashboard" },
  { id: "screens", label: "My screens" },
  { id: "approvals", label: "Creative approvals" },
  { id: "admin", label: "Admin" },
] as const;

/**
 * The plugin's page at /p/billboards/<tab>[/<id>]. Tabs switch in place and keep the URL in
 * step (so a reload or a shared link opens the same view).
 */
export default function NavPage({ call, plugin, path }: NavPageProps) {
  const [route, setRoute] = useState<string[]>([...path]);
  const go = (next: string[]) => {
    setRoute(next);
    window.history.replaceState(null, "", `/p/${plugin.id}/${next.join("/")}`);
  };
  const [head = "", id = ""] = route;
  const who = useProcedure<{ canManage: boolean }>(call, "me.get", {});
  const tabs = TABS.filter((t) => t.id !== "admin" || who.data?.canManage);
  return (
    <main style={s.page}>
      <h1 style={{ margin: 0 }}>Billboards</h1>
      <nav aria-label="Billboards" style={s.tabs}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            style={tab(head === t.id || (t.id === "" && head === "book"))}
            aria-current={head === t.id ? "page" : undefined}
            onClick={() => go(t.id ? [t.id] : [])}
            data-testid={`tab-${t.id || "marketplace"}`}
          >
            {t.label}
            {t.id === "admin" && (
              <>
                {" "}
                <StuckBadge call={call} />
              </>
            )}
          </button>
        ))}
      </nav>
      {head === "" && <Marketplace call={call} onBook={(screenId) => go(["book", screenId])} />}
      {head === "book" && id && (
        <BookingFlow call={call} pluginId={plugin.id} screenId={id} onBack={() => go([])} />
      )}
      {head === "dashboard" && (
        <>
          <AdvertiserDashboard call={call} />
          <OwnerDashboard call={call} />
        </>
      )}
      {head === "screens" && <MyScreens call={call} pluginId={plugin.id} />}
      {head === "approvals" && <Approvals call={call} />}
      {head === "admin" && <Admin call={call} />}
    </main>
  );
}
