// The column headers product.md names for the ledgers, written out by hand (not read from the code):
// what the unit tests of shared/ledgers and the end-to-end tests of the exported workbooks expect.

// 来信台帐, in order.
export const LETTER_LEDGER_HEADERS = [
  '序号',
  '登记编号',
  '收信日期',
  '来信人',
  '联系电话',
  '住址/所属乡镇',
  '信件来源',
  '问题类别',
  '内容摘要',
  '办理方式',
  '责任单位',
  '交办日期',
  '办理期限',
  '办结日期',
  '办理结果',
  '全国系统录入编号',
  '状态',
  '备注',
];

// 宣传奖励发放表, its columns after 序号 up to 个人合计.
export const PUBLICITY_PAYOUT_HEADERS = [
  '姓名',
  '作品标题',
  '刊发媒体',
  '级别',
  '字数',
  '类别',
  '发表日期',
  '奖励金额(元)',
  '个人合计(元)',
];
