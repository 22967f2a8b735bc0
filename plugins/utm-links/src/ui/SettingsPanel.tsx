import type { SettingsPanelProps } from "@omnify/plugin-sdk/ui";

/**
 * Shown under the settings form the portal renders from the settings schema: explains what
 * the settings do and what the shortener needs, with an example of the result.
 */
export default function SettingsPanel({ settings }: SettingsPanelProps) {
  const source = String(settings.defaultSource ?? "newsletter");
  const medium = String(settings.defaultMedium ?? "email");
  const example = `https://example.com/?utm_source=${encodeURIComponent(source)}&utm_medium=${encodeURIComponent(medium)}&utm_campaign=spring`;
  return (
    <section style={{ display: "grid", gap: "var(--omni-space-2)" }}>
      <p style={{ margin: 0 }}>
        A link created for campaign “spring” with no source or medium becomes:
      </p>
      <code>{example}</code>
      <p style={{ margin: 0, color: "var(--omni-color-muted-foreground)" }}>
        To shorten links, turn on “Shorten links”, enter your short.io domain and save your short.io
        API key as the <code>shortenerApiKey</code> secret. The key is used by Omnify to call
        short.io and is never visible to this plugin’s code.
      </p>
    </section>
  );
}
