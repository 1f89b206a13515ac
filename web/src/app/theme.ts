// Ant Design's tokens where its defaults fall short of WCAG AA contrast (4.5:1; ratios below are on
// white unless said): the primary blue (#1677ff is 4.1:1) with its hover (#2e7ae6, 4.16:1) and
// pressed shades, the text greys down to the placeholder (#bfbfbf, 1.84:1), and the preset tag
// colours, whose text is the palette's 7th shade on its 1st. The success and warning backgrounds are
// given too: derived from these dark seeds they turn grey (#adb8a5), under which a green tag's text is 2.7:1.
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
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
    // Preset tag text, on the palette's lightest shade: one or two shades darker where the 7th fails.
    volcano7: '#ad2102', // 6.38:1 on #fff2e8 (was 4.37)
    orange7: '#ad4e00', // 5.09:1 on #fff7e6 (was 3.34)
    gold7: '#874d00', // 6.53:1 on #fffbe6 (was 2.76)
    yellow7: '#876800', // 5.15:1 on #feffe6 (was 2.05)
    lime7: '#3f6600', // 6.62:1 on #fcffe6 (was 2.48)
    green7: '#237804', // 5.44:1 on #f6ffed (was 3.37)
    cyan7: '#006d75', // 5.82:1 on #e6fffb (was 3.39)
  },
};
