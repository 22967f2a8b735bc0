import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { useEffect, useState } from "react";
import { FileField } from "./FileField.tsx";
import { count, money } from "./format.ts";
import { s } from "./styles.ts";
import { DAYPARTS, type Quote, type Screen } from "./types.ts";
import { useAction, useProcedure } from "./use-procedure.ts";

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Book a screen: dates, dayparts and spots per hour → a quote (plays, impressions, price)
 * → the creative (uploaded, checked against the screen) → pay on the provider's checkout.
 */
export function BookingFlow({
  call,
  pluginId,
  screenId,
  onBack,
}: {
  call: PluginCall;
  pluginId: string;
  screenId: string;
  onBack: () => void;
}) {
  const list = useProcedure<{ screens: Screen[] }>(call, "screens.find", {});
  const screen = list.data?.screens.find((x) => x.id === screenId) ?? null;
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(today());
  const [parts, setParts] = useState<string[]>([]);
  const [spots, setSpots] = useState(1);
  const [email, setEmail] = useState("");
  const [quote, setQuote] = useState<Quote | null>(null);
  const [creative, setCreative] = useState<{ id: string; name: string } | null>(null);
  const quoting = useAction<Quote>(call, "bookings.quote");
  const adding = useAction<{ creative: { id: string; name: string } }>(call, "creatives.create");
  const booking = useAction<{ checkoutUrl: string }>(call, "bookings.create");
  const changed = JSON.stringify([from, to, spots, parts]);
  // A quote is for exactly what was asked: any change asks for a new one.
  useEffect(() => {
    if (changed) setQuote(null);
  }, [changed]);

  const request = () => ({
    screenId,
    from,
    to,
    spotsPerHour: spots,
    dayparts: DAYPARTS.filter((d) => parts.includes(d.id)).map(({ start, end }) => ({
      start,
      end,
    })),
  });
  const requote = async () => setQuote(await quoting.run(request()));
  const pay = async () => {
    if (!creative) return;
    const here = window.location.href;
    const r = await booking.run({
      ...request(),
      creativeId: creative.id,
      ...(email ? { customerEmail: email } : {}),
      successUrl: `${window.location.origin}/p/${pluginId}/dashboard?paid=1`,
      cancelUrl: here,
    });
    if (r) window.location.assign(r.checkoutUrl);
  };

  if (list.loading && !screen) return <p style={s.muted}>Loading the screen…</p>;
  if (!screen)
    return (
      <p role="alert">
        This screen is not open for bookings.{" "}
        <button onClick={onBack} type="button">
          Back
        </button>
      </p>
    );
  return (
    <section style={s.page} aria-labelledby="bb-book">
      <button type="button" onClick={onBack} style={{ justifySelf: "start" }}>
        ← Marketplace
      </button>
      <h2 id="bb-book" style={s.h2}>
        Book {screen.name}
      </h2>
      <p style={s.muted}>
        {screen.address} · {Math.floor(screen.loopSeconds / screen.spotSeconds)} spots of{" "}
        {screen.spotSeconds} s in a {screen.loopSeconds} s loop · open {screen.hours.open}–
        {screen.hours.close} ({screen.hours.timezone}) ·{" "}
        {money(screen.pricePerSpotHour, screen.currency)} per spot per hour
      </p>
      <fieldset style={{ ...s.card, margin: 0 }}>
        <legend>1. When</legend>
        <div style={s.row}>
          <label style={s.label}>
            From
            <input
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              data-testid="book-from"
            />
          </label>
          <label style={s.label}>
            To
            <input
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              data-testid="book-to"
            />
          </label>
          <label style={s.label}>
            Spots per hour
            <input
              type="number"
              min={1}
              value={spots}
              onChange={(e) => setSpots(Number(e.target.value))}
              data-testid="book-spots"
              style={{ width: "6rem" }}
            />
          </label>
        </div>
        <fieldset style={{ ...s.row, border: 0, padding: 0, margin: 0 }}>
          <legend style={s.muted}>Dayparts</legend>
          {DAYPARTS.map((d) => (
            <label key={d.id} style={{ display: "flex", gap: "var(--omni-space-1)" }}>
              <input
                type="checkbox"
                checked={parts.includes(d.id)}
                onChange={(e) =>
                  setParts((p) => (e.target.checked ? [...p, d.id] : p.filter((x) => x !== d.id)))
                }
              />
              {d.label}
            </label>
          ))}
          <span style={s.muted}>None ticked: every open hour.</span>
        </fieldset>
        <button type="button" onClick={requote} disabled={quoting.busy} data-testid="book-quote">
          {quoting.busy ? "Pricing…" : "Get a quote"}
        </button>
        {quoting.error && (
          <p role="alert" style={s.error}>
            {quoting.error}
          </p>
        )}
        {quote && (
          <dl data-testid="quote" style={{ ...s.grid, margin: 0 }}>
            <Fact
              term="Spots per hour"
              value={`${quote.spotsPerHour} (${quote.playsPerHour} plays/hour)`}
            />
            <Fact term="Hours booked" value={count(quote.hours)} />
            <Fact term="Total plays" value={count(quote.totalPlays)} testId="quote-plays" />
            <Fact term="Estimated impressions" value={count(quote.estimatedImpressions)} />
            <Fact term="Price" value={money(quote.amount, quote.currency)} testId="quote-amount" />
            <Fact
              term="Free spots (fewest in any hour)"
              value={`${quote.availableSpots} of ${quote.capacity}`}
            />
          </dl>
        )}
        {quote && !quote.fits && (
          <p role="alert" style={s.error}>
            Only {quote.availableSpots} spots are free in the busiest hour; ask for fewer.
          </p>
        )}
      </fieldset>
      <fieldset style={{ ...s.card, margin: 0 }}>
        <legend>2. Creative</legend>
        <p style={s.muted}>
          {screen.resolution.width}×{screen.resolution.height} px (same aspect ratio), image or
          video up to {screen.spotSeconds} s. The screen's owner reviews it before it plays.
        </p>
        <FileField
          pluginId={pluginId}
          label="Upload a creative"
          accept="image/png,image/jpeg,image/webp,video/mp4,video/webm"
          testId="creative-file"
          onUploaded={async (o, file) => {
            const r = await adding.run({ screenId, key: o.key, name: file.name.slice(0, 100) });
            if (r) setCreative(r.creative);
          }}
        />
        {adding.error && (
          <p role="alert" style={s.error}>
            {adding.error}
          </p>
        )}
        {creative && (
          <p data-testid="creative-ready">“{creative.name}” is attached (awaiting review).</p>
        )}
      </fieldset>
      <fieldset style={{ ...s.card, margin: 0 }}>
        <legend>3. Pay</legend>
        {screen.currency === "NGN" && (
          <label style={s.label}>
            Your e-mail (Paystack sends the receipt)
            <input
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              data-testid="book-email"
            />
          </label>
        )}
        <button
          type="button"
          onClick={pay}
          disabled={!quote?.fits || !creative || booking.busy}
          data-testid="book-pay"
        >
          {booking.busy
            ? "Opening checkout…"
            : quote
              ? `Pay ${money(quote.amount, quote.currency)}`
              : "Pay"}
        </button>
        {booking.error && (
          <p role="alert" style={s.error}>
            {booking.error}
          </p>
        )}
      </fieldset>
    </section>
  );
}

function Fact({ term, value, testId }: { term: string; value: string; testId?: string }) {
  return (
    <div>
      <dt style={s.muted}>{term}</dt>
      <dd style={{ margin: 0, fontWeight: 600 }} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
