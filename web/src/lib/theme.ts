import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A deep blue-grey "dark" palette: long shifts in a dim control room are easier on it than neutral grey. */
const dark: MantineColorsTuple = [
  '#d5dde7',
  '#aebbc9',
  '#8495a8',
  '#627387',
  '#445366',
  '#2f3c4c',
  '#222d3a',
  '#19222d',
  '#121a23',
  '#0c1219',
];

export const theme = createTheme({
  primaryColor: 'cyan',
  primaryShade: { dark: 6 },
  colors: { dark },
  defaultRadius: 'sm',
  fontFamily: 'Inter, "Segoe UI", Roboto, "Noto Sans", system-ui, sans-serif',
  headings: { fontWeight: '600' },
  cursorType: 'pointer',
});
