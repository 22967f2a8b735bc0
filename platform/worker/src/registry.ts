import type { JobDefinition } from "./jobs/define-job";
import { expireInvitationsJob } from "./jobs/expire-invitations";
import { pluginDispatchJob } from "./jobs/plugin-dispatch";
import { pluginEventsJob } from "./jobs/plugin-events";
import { pluginPurgeJob } from "./jobs/plugin-purge";
import { pluginSyncJob } from "./jobs/plugin-sync";

/**
 * Every job the worker runs. Add a definition here; its handler loads on first use. Plugin
 * job queues (`plugin.<id>.<job>`) are not listed: plugin-sync creates them from the catalog.
 */
export const jobs: readonly JobDefinition[] = [
  expireInvitationsJob,
  pluginEventsJob,
  pluginDispatchJob,
  pluginSyncJob,
  pluginPurgeJob,
];
