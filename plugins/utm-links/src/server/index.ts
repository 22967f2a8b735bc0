import { definePlugin } from "@omnify/plugin-sdk";
import config from "../../plugin.config.ts";
import { recordClick } from "./clicks/record.ts";
import { onMemberJoined } from "./events/member-joined.ts";
import { rollupClicks } from "./jobs/rollup-clicks.ts";
import { createLink } from "./links/create.ts";
import { listLinks } from "./links/list.ts";
import { linkStats } from "./links/stats.ts";

/** Maps names to handlers; each handler lives in its own file. */
export default definePlugin({
  ...config,
  server: {
    procedures: {
      "links.create": createLink,
      "links.list": listLinks,
      "links.stats": linkStats,
      "clicks.record": recordClick,
    },
    events: { "member.joined": onMemberJoined },
    jobs: { "rollup-clicks": rollupClicks },
  },
});
