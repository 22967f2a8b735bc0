import { defineTheme } from "../tokens";

/** Grove: forest green on warm paper, serif headings and soft, rounded corners. */
export const grove = defineTheme({
  id: "grove",
  label: "Grove",
  colors: {
    primary: "#2f6b3a",
    primaryForeground: "#ffffff",
    background: "#f7f5ef",
    foreground: "#1f2a1f",
    surface: "#ffffff",
    surfaceForeground: "#1f2a1f",
    muted: "#e9e6da",
    mutedForeground: "#545a4c",
    border: "#d3cfbd",
    accent: "#8a5a1f",
    accentForeground: "#ffffff",
    danger: "#a4262c",
    dangerForeground: "#ffffff",
    success: "#2e7031",
    warning: "#8a5a00",
  },
  typography: {
    fontFamily: "'Source Sans 3', 'Segoe UI', system-ui, sans-serif",
    headingFamily: "Georgia, 'Iowan Old Style', 'Times New Roman', serif",
    baseSize: 17,
  },
  radius: { sm: 6, md: 12, lg: 20 },
  logo: { text: "Grove" },
});
