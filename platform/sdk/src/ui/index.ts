/**
 * `@omnify/plugin-sdk/ui`: what a plugin's federated components are given (slot props) and
 * the names both the build and the portal agree on. React itself is provided by the portal.
 */
export type {
  DashboardCardProps,
  NavPageProps,
  PluginCall,
  SettingsPanelProps,
  SlotProps,
  SlotTenant,
} from "./props.ts";
export {
  type EnabledUiEntry,
  enabledUiEntrySchema,
  type UiBuildRecord,
  uiBuildRecordSchema,
} from "./record.ts";
export {
  isUiSlot,
  remoteModuleId,
  remoteNameFor,
  SHARED_REACT_RANGE,
  SHARED_SINGLETONS,
  UI_SLOTS,
  type UiExpose,
  type UiSlot,
} from "./slots.ts";
