// Every user-facing string of the main process, in one place so the wording stays consistent.

export const APP_TITLE = '信访局机关事务管理系统';

export const MENU = {
  file: '文件',
  print: '打印…',
  quit: '退出',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图',
  reload: '重新加载',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  fullscreen: '全屏',
  devTools: '开发者工具',
  help: '帮助',
  about: '关于',
  openDataFolder: '打开数据文件夹',
} as const;

export const ABOUT = {
  title: '关于',
  ok: '确定',
  detail: (version: string): string => `版本 ${version}\n离线桌面版：所有数据只保存在本机。`,
};

export const DIALOG = {
  saveFileTitle: '保存文件',
  savePdfTitle: '另存为 PDF',
  chooseBackupFolderTitle: '选择备份文件夹',
  chooseBackupFolderButton: '选择此文件夹',
  backupFolderRefusedTitle: '不能使用此文件夹',
  fallbackFileName: '未命名',
  pdfFilter: 'PDF 文档',
} as const;

export const FILE_FILTER_NAMES: Readonly<Record<string, string>> = {
  xlsx: 'Excel 工作簿',
  xls: 'Excel 97-2003 工作簿',
  docx: 'Word 文档',
  pdf: 'PDF 文档',
  csv: 'CSV 文件',
  json: 'JSON 文件',
  txt: '文本文件',
};

export const BACKUP_ERRORS = {
  insideDataFolder:
    '备份文件夹不能设在本系统的数据文件夹里：数据文件夹一旦损坏或被清除，备份会一起丢失。请选择其他位置（例如“文档”或移动硬盘）。',
  insideInstallFolder:
    '备份文件夹不能设在本系统的安装文件夹里：卸载或升级时备份会被一起删除。请选择其他位置。',
  notAbsolute: '备份文件夹必须是完整路径。',
  writeFailed: (folder: string, reason: string): string =>
    `无法写入备份文件夹“${folder}”（${reason}）。请检查该文件夹是否存在、移动硬盘是否已连接、是否有写入权限，或在设置中另选备份文件夹。`,
};

export const PRINT_ERRORS: Readonly<Record<string, string>> = {
  'Print job canceled': '已取消打印',
  'Print job cancelled': '已取消打印',
  'Print job failed': '打印失败',
  'Invalid deviceName provided': '找不到指定的打印机',
};

export const ATTACHMENT_ERRORS = {
  notOpenable: '只有图片和 PDF 附件可以直接打开，其他附件请另存后查看。',
  writeFailed: (reason: string): string => `无法生成附件的临时副本（${reason}）。`,
  openFailed: (reason: string): string =>
    `本机没有能打开此附件的程序，或打开失败（${reason}）。可以另存后再打开。`,
};
