import type { JobDefinition } from "./jobs/define-job";
import { expireInvitationsJob } from "./jobs/expire-invitations";

/** Every job the worker runs. Add a definition here; its handler loads on first use. */
export const jobs: readonly JobDefinition[] = [expireInvitationsJob];
