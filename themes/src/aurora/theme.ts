import { defineTheme } from "../tokens";

/** Aurora: the default. Cool indigo on a near-white slate canvas. */
export const aurora = defineTheme({
  id: "aurora",
  label: "Aurora",
  colors: {
    primary: "#4338ca",
    primaryForeground: "#ffffff",
    background: "#f8fafc",
    foreground: "#0f172a",
    surface: "#ffffff",
    surfaceForeground: "#0f172a",
    muted: "#e2e8f0",
    mutedForeground: "#475569",
    border: "#cbd5e1",
    accent: "#0e7490",
    accentForeground: "#ffffff",
    danger: "#b91c1c",
    dangerForeground: "#ffffff",
    success: "#15803d",
    warning: "#b45309",
  },
  typography: {
    fontFamily: "Inter, 'Segoe UI', system-ui, -apple-system, sans-serif",
    headingFamily: "Inter, 'Segoe UI', system-ui, -apple-system, sans-serif",
    baseSize: 16,
  },
  radius: { sm: 4, md: 8, lg: 12 },
  logo: {
    text: "Aurora",
    svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="#4338ca"/><path d="M8 20c4-8 12-8 16 0" stroke="#ffffff" stroke-width="3" fill="none" stroke-linecap="round"/></svg>',
  },
});
