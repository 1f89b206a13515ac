// Ant Design's tokens where its defaults fall short of WCAG AA contrast (4.5:1; ratios below are on
// white unless said): the primary blue (#1677ff is 4.1:1) with its hover (#2e7ae6, 4.16:1) and
// pressed shades, and the text greys down to the placeholder (#bfbfbf, 1.84:1). The success and
// warning backgrounds are given too: derived from these dark seeds they turn grey (#adb8a5), under
// which a success tag's text is 2.7:1. Tags take the status colours (success, processing, warning,
// error, default), which follow these tokens; the preset palette colours (green, volcano …) do not,
// and their text fails 4.5:1.
// Motion follows the reader's system setting: with "reduce motion" on, Ant Design's transitions
// take no time (its own reduced-motion styles cover buttons, not menus), so nothing, a menu
// item's colour included, is ever seen half-way.
import type { ThemeConfig } from 'antd';
import { useSyncExternalStore } from 'react';

const reducedMotion = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(reducedMotion);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The console's theme, with or without motion as the reader's system asks. */
export function useConsoleTheme(): ThemeConfig {
  const motion = !useSyncExternalStore(subscribe, () => window.matchMedia(reducedMotion).matches);
  return motion ? theme : reducedTheme;
}

const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9', // 6.16:1
    colorPrimaryHover: '#3366cc', // 5.37:1, as text on white and under white text
    colorPrimaryActive: '#003eb3', // 8.97:1
    colorLink: '#0958d9',
    colorLinkHover: '#3366cc',
    colorLinkActive: '#003eb3',
    colorInfo: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)', // #707070: 4.95:1, 4.74:1 on #fafafa
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
  },
};

const reducedTheme: ThemeConfig = { token: { ...theme.token, motion: false } };
