// Ant Design's tokens where its defaults fall short of WCAG AA contrast (4.5:1) on white: the
// primary blue (#1677ff is 4.1:1) and the secondary and tertiary text greys. The success and
// warning backgrounds are given too: derived from these dark seeds they turn grey (#adb8a5),
// under which a green tag's text is 2.7:1.
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorInfo: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
  },
};
