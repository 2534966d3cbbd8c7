import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'red',
  fontFamily:
    '-apple-system, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif',
  defaultRadius: 'sm',
  components: {
    TextInput: { defaultProps: { size: 'sm' } },
  },
});
