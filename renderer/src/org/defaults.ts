// Sections at first run, as the regulations name them (editable in 系统).
export const DEFAULT_SECTIONS = [
  '联席办',
  '复查复核办',
  '办信股',
  '办公室',
  '接访股',
  '党支部办公室',
] as const;
