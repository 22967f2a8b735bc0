import { defaultThemeId, getTheme, themeIds, themes } from "@omnify/themes";
import type { Decorator, Preview } from "@storybook/react-vite";
import { ThemeStyle } from "../src/components/ThemeStyle";
import "../src/styles.css";

/**
 * Renders every story under the theme chosen in the toolbar (or via the URL,
 * `&globals=theme:ember`, which the e2e smoke test relies on).
 */
const withTheme: Decorator = (Story, context) => {
  const theme = getTheme(String(context.globals.theme ?? defaultThemeId));
  // On <html> so page-level CSS (body background, color-scheme) follows the theme too.
  document.documentElement.dataset.theme = theme.id;
  return (
    <>
      <ThemeStyle theme={theme} />
      <Story />
    </>
  );
};

const preview: Preview = {
  decorators: [withTheme],
  globalTypes: {
    theme: {
      description: "Omnify theme",
      toolbar: {
        title: "Theme",
        icon: "paintbrush",
        items: themeIds.map((id) => ({ value: id, title: themes[id].label })),
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: defaultThemeId },
  parameters: {
    layout: "padded",
    controls: { expanded: true },
  },
};

export default preview;
