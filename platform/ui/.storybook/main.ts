import type { StorybookConfig } from "@storybook/react-vite";

const config: StorybookConfig = {
  stories: ["../src/**/*.stories.tsx"],
  framework: { name: "@storybook/react-vite", options: {} },
  // The sandboxed CI has no outbound network; telemetry would only add noise and delay.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's preview runtime alone is ~1.2 MB; the default 500 kB warning is noise here.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    build: { ...viteConfig.build, chunkSizeWarningLimit: 2000 },
  }),
};

export default config;
