"use client";

import type { EnabledUiEntry, SlotProps, SlotTenant, UiSlot } from "@omnify/plugin-sdk/ui";
import { type ComponentType, useEffect, useMemo, useState } from "react";
import { useTRPCClient } from "../trpc/react";
import { loadSlotComponent } from "./federation";
import { createPluginCall } from "./plugin-call";
import { SlotErrorBoundary, SlotFailure } from "./SlotErrorBoundary";
import "./slots.css";

type Props = {
  entry: EnabledUiEntry;
  slot: UiSlot;
  tenant: SlotTenant;
  /** Slot-specific props on top of SlotProps (the nav page's `path`). */
  extra?: Record<string, unknown>;
};

type Loaded =
  | { state: "loading" }
  | { state: "ready"; Component: ComponentType<SlotProps & Record<string, unknown>> }
  | { state: "failed"; message: string };

/**
 * Mounts one plugin slot. Remotes render on the client only: the server sends the skeleton,
 * the effect loads the verified remote, and any failure stays inside this box.
 */
export function PluginSlot({ entry, slot, tenant, extra }: Props) {
  const trpcClient = useTRPCClient();
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });

  useEffect(() => {
    let cancelled = false;
    setLoaded({ state: "loading" });
    loadSlotComponent<SlotProps & Record<string, unknown>>(entry, slot).then(
      (Component) => !cancelled && setLoaded({ state: "ready", Component }),
      (e: unknown) =>
        !cancelled &&
        setLoaded({ state: "failed", message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [entry, slot]);

  const props = useMemo<SlotProps>(
    () => ({
      tenant,
      plugin: { id: entry.pluginId, version: entry.version },
      call: createPluginCall(trpcClient, entry.pluginId),
      settings: entry.settings ?? {},
    }),
    [tenant, entry, trpcClient],
  );

  if (loaded.state === "failed")
    return <SlotFailure pluginName={entry.name} message={loaded.message} />;
  if (loaded.state === "loading") {
    return (
      <div
        className="omnify-plugin-skeleton"
        role="status"
        aria-busy="true"
        aria-label={`Loading ${entry.name}`}
        data-testid="plugin-slot-loading"
      />
    );
  }
  const { Component } = loaded;
  return (
    <SlotErrorBoundary pluginName={entry.name}>
      <Component {...props} {...extra} />
    </SlotErrorBoundary>
  );
}
