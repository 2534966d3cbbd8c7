import { createTheme } from '@mantine/core';

// A calm blue for buttons, links and the selected tab; red is kept for what must stand out (急,
// 已逾期, refusals and errors), set where they show (color="red").
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 7, dark: 5 },
  fontFamily:
    '-apple-system, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif',
  defaultRadius: 'sm',
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
    // Status badges carry short Chinese words and dates: never cut them to an ellipsis in a table.
    Badge: { styles: { root: { flexShrink: 0, minWidth: 'max-content' }, label: { overflow: 'visible' } } },
    // Registers and lists are read row by row: compact rows (≥ 12 petitions at 1366×768).
    Table: { defaultProps: { verticalSpacing: 3, horizontalSpacing: 'xs', fz: 13 } },
    // Chinese names for the icon buttons (a screen reader, and Playwright, find them by name). The
    // password eye is a toggle: its name stays, aria-pressed says whether the password shows.
    PasswordInput: {
      defaultProps: { visibilityToggleButtonProps: { 'aria-label': '显示密码', title: '显示/隐藏密码' } },
    },
    CloseButton: { defaultProps: { 'aria-label': '关闭', title: '关闭' } },
    ModalCloseButton: { defaultProps: { 'aria-label': '关闭', title: '关闭' } },
    DrawerCloseButton: { defaultProps: { 'aria-label': '关闭', title: '关闭' } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': '关闭', title: '关闭' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': '关闭', title: '关闭' } } },
    InputClearButton: { defaultProps: { 'aria-label': '清除', title: '清除' } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': '关闭通知', title: '关闭通知' } } },
    Alert: { defaultProps: { closeButtonLabel: '关闭' } },
  },
});
