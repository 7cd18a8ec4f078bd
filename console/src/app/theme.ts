/**
 * Mantine theme. Shades are chosen for WCAG 2.1 AA contrast: the default primary (blue 6) and
 * dimmed grey are below 4.5:1 on white, so the darker shades are used.
 */
import { createTheme, type CSSVariablesResolver } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 8 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  defaultRadius: "sm",
});

export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "#495057",
    "--mantine-color-placeholder": "#5c636a",
    // Light-variant text (the active navigation link) on its tint: blue 8 is 4.39:1, blue 9 passes.
    "--mantine-color-blue-light-color": "#1864ab",
    // Light-variant red (an error alert's title) on its tint: red 8 is 3.88:1, red 9 passes.
    "--mantine-color-red-light-color": "#c92a2a",
    // Field error text and the erroneous input's text: red 6 is 3.28:1 on white, red 9 passes.
    "--mantine-color-error": "#c92a2a",
  },
  dark: {},
});
