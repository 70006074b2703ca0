import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** DejaVu covers Cyrillic; pdfkit's built-in fonts do not. */
export const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  mono: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf'),
};
