import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { useState } from "react";
import { bytes, money, when } from "./format.ts";
import { Payouts } from "./Payouts.tsx";
import { RegisterScreen } from "./RegisterScreen.tsx";
import { badge, s } from "./styles.ts";
import type { Screen } from "./types.ts";
import { useAction, useProcedure } from "./use-procedure.ts";

const tone = (status: string) =>
  status === "approved" || status === "online"
    ? "ok"
    : status === "offline" || status === "rejected" || status === "suspended"
      ? "bad"
      : "warn";

/** An owner's screens: register, pair with the player's code, health, payouts. */
export function MyScreens({ call, pluginId }: { call: PluginCall; pluginId: string }) {
  const mine = useProcedure<{ screens: Screen[] }>(call, "screens.mine", {});
  return (
    <section style={s.page} aria-labelledby="bb-screens">
      <h2 id="bb-screens" style={s.h2}>
        My screens
      </h2>
      <Payouts call={call} />
      {mine.error && (
        <p role="alert" style={s.error}>
          {mine.error}
        </p>
      )}
      <ul style={{ ...s.grid, listStyle: "none", padding: 0, margin: 0 }}>
        {(mine.data?.screens ?? []).map((sc) => (
          <ScreenCard key={sc.id} call={call} screen={sc} onChange={mine.reload} />
        ))}
      </ul>
      <RegisterScreen call={call} pluginId={pluginId} onDone={mine.reload} />
    </section>
  );
}

function ScreenCard({
  call,
  screen,
  onChange,
}: {
  call: PluginCall;
  screen: Screen;
  onChange: () => void;
}) {
  const [code, setCode] = useState("");
  const pair = useAction(call, "screens.pair");
  const unpair = useAction(call, "screens.unpair");
  const h = screen.health;
  return (
    <li style={s.card} data-testid={`my-screen-${screen.id}`}>
      {screen.photos[0] && (
        <img
          src={screen.photos[0]}
          alt={screen.name}
          style={{ width: "100%", aspectRatio: "16 / 9", objectFit: "cover" }}
        />
      )}
      <strong>{screen.name}</strong>
      <span>
        <span style={badge(tone(screen.status))} data-testid="screen-status">
          {screen.status.replace("_", " ")}
        </span>{" "}
        <span style={badge(tone(h.status))} data-testid="screen-health">
          {h.status}
        </span>
      </span>
      {screen.reviewNote && <span style={s.muted}>Review: {screen.reviewNote}</span>}
      <span style={s.muted}>
        {money(screen.pricePerSpotHour, screen.currency)} / spot / hour · {screen.loopSeconds} s
        loop
      </span>
      <span style={s.muted}>
        Last heartbeat {when(h.lastHeartbeatAt)} · app {h.appVersion ?? "—"} · free{" "}
        {bytes(h.freeStorageBytes)} · clock offset {h.clockOffsetMs ?? "—"} ms
      </span>
      {h.currentItem && <span style={s.muted}>Playing {h.currentItem}</span>}
      {screen.device ? (
        <button
          type="button"
          onClick={async () => (await unpair.run({ screenId: screen.id })) && onChange()}
          disabled={unpair.busy}
        >
          Unpair player
        </button>
      ) : (
        <form
          style={s.row}
          onSubmit={async (e) => {
            e.preventDefault();
            if (await pair.run({ screenId: screen.id, code })) {
              setCode("");
              onChange();
            }
          }}
        >
          <label style={s.label}>
            Code shown on the screen
            <input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder="ABCD-2345"
              data-testid="pair-code"
              required
            />
          </label>
          <button type="submit" disabled={pair.busy} data-testid="pair-submit">
            {pair.busy ? "Pairing…" : "Pair"}
          </button>
        </form>
      )}
      {(pair.error ?? unpair.error) && (
        <p role="alert" style={s.error}>
          {pair.error ?? unpair.error}
        </p>
      )}
    </li>
  );
}
