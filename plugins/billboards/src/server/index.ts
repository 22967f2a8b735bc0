import { definePlugin } from "@omnify/plugin-sdk";
import config from "../../plugin.config.ts";
import { cancelBooking } from "./bookings/cancel.ts";
import { createBooking } from "./bookings/create.ts";
import { quoteBooking } from "./bookings/quote.ts";
import { createCreative } from "./creatives/create.ts";
import { listCreatives } from "./creatives/list.ts";
import { reviewCreative } from "./creatives/review.ts";
import { adminOverview } from "./dashboards/admin.ts";
import { advertiserDashboard } from "./dashboards/advertiser.ts";
import { listLedger } from "./dashboards/ledger.ts";
import { me } from "./dashboards/me.ts";
import { adminMoney, retryMoneyIntent } from "./dashboards/money.ts";
import { ownerDashboard } from "./dashboards/owner.ts";
import { listPlays } from "./dashboards/plays.ts";
import { heartbeat } from "./device/heartbeat.ts";
import { proofOfPlay } from "./device/proof-of-play.ts";
import { getSchedule } from "./device/schedule.ts";
import { openDispute, resolveDispute } from "./disputes/disputes.ts";
import { detectOffline } from "./jobs/detect-offline.ts";
import { payouts, runPayouts } from "./jobs/payouts.ts";
import { reconcile } from "./jobs/reconcile.ts";
import { seedDemo } from "./jobs/seed-demo.ts";
import { cancelUnreviewed } from "./jobs/unreviewed.ts";
import { connectPayouts, myPayoutAccounts } from "./payments/accounts.ts";
import {
  onPaymentRefunded,
  onPaymentSucceeded,
  paymentRefunded,
  paymentSucceeded,
} from "./payments/events.ts";
import { createScreen } from "./screens/create.ts";
import { findScreens } from "./screens/find.ts";
import { myScreens } from "./screens/mine.ts";
import { pairScreen, unpairScreen } from "./screens/pair.ts";
import { addScreenPhotos } from "./screens/photos-add.ts";
import { reviewScreen } from "./screens/review.ts";

/** Maps names to handlers; each handler lives in its own file. */
export default definePlugin({
  ...config,
  server: {
    procedures: {
      "screens.create": createScreen,
      "screens.find": findScreens,
      "screens.mine": myScreens,
      "screens.review": reviewScreen,
      "screens.pair": pairScreen,
      "screens.unpair": unpairScreen,
      "screens.addPhotos": addScreenPhotos,
      "creatives.create": createCreative,
      "creatives.list": listCreatives,
      "creatives.review": reviewCreative,
      "bookings.quote": quoteBooking,
      "bookings.create": createBooking,
      "bookings.cancel": cancelBooking,
      "payouts.connect": connectPayouts,
      "payouts.accounts": myPayoutAccounts,
      "payouts.run": runPayouts,
      "dashboard.owner": ownerDashboard,
      "dashboard.advertiser": advertiserDashboard,
      "admin.overview": adminOverview,
      "admin.money": adminMoney,
      "admin.retryMoney": retryMoneyIntent,
      "ledger.list": listLedger,
      "me.get": me,
      "plays.list": listPlays,
      "disputes.open": openDispute,
      "disputes.resolve": resolveDispute,
      // Devices only (capabilities.devices.procedures); each checks ctx.caller itself too.
      "screen.schedule": getSchedule,
      "screen.heartbeat": heartbeat,
      "screen.proofOfPlay": proofOfPlay,
    },
    events: {
      "payments.succeeded": async (payload, ctx) => {
        await onPaymentSucceeded(paymentSucceeded.parse(payload), ctx);
      },
      "payments.refunded": async (payload, ctx) => {
        await onPaymentRefunded(paymentRefunded.parse(payload), ctx);
      },
    },
    jobs: {
      "detect-offline": detectOffline,
      // Unapproved creatives first, so their hours are refunded rather than made good.
      reconcile: async (payload, ctx) => {
        const unreviewed = await cancelUnreviewed(payload, ctx);
        return { ...(await reconcile(payload, ctx)), unreviewedCancelled: unreviewed };
      },
      payouts,
      "seed-demo": seedDemo,
    },
  },
});
