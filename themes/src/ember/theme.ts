import { defineTheme } from "../tokens";

/** Ember: dark charcoal canvas with a hot orange primary; tight corners for a dense, bold feel. */
export const ember = defineTheme({
  id: "ember",
  label: "Ember",
  colors: {
    primary: "#f97316",
    primaryForeground: "#1c1917",
    background: "#1c1917",
    foreground: "#fafaf9",
    surface: "#292524",
    surfaceForeground: "#f5f5f4",
    muted: "#3a3431",
    mutedForeground: "#d6d3d1",
    border: "#57534e",
    accent: "#fbbf24",
    accentForeground: "#1c1917",
    danger: "#f87171",
    dangerForeground: "#1c1917",
    success: "#4ade80",
    warning: "#facc15",
  },
  typography: {
    fontFamily: "'IBM Plex Sans', 'Segoe UI', system-ui, sans-serif",
    headingFamily: "'Space Grotesk', 'IBM Plex Sans', system-ui, sans-serif",
    baseSize: 15,
  },
  radius: { sm: 2, md: 4, lg: 6 },
  logo: { text: "Ember" },
});
