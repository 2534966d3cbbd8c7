// The first-run screens' words: the choice between a new unit and joining one (多机同步).
import { SYNC_FIELD_LABELS } from '../sync/config';

export const SETUP_LABELS = {
  title: '系统初始化',
  choose: '首次使用本系统，请选择：',
  newUnit: '新建单位',
  newUnitHint: '本单位的第一台电脑，或只在这一台电脑上使用：填写单位名称，创建管理员账户。',
  join: '加入已有单位（多机同步）',
  joinHint:
    '本单位已在其他电脑上使用本系统并开启了多机同步：连接同步中心，接收单位的人员、账户和记录，然后各人用自己的账户登录。',
  back: '返回选择',
} as const;

export const JOIN_LABELS = {
  ...SYNC_FIELD_LABELS,
  title: '加入已有单位',
  intro:
    '填写同步中心的地址和本机在同步中心的账户（同步中心的账户按电脑设，不是个人的账户）。本机不另建管理员、股室和工作日历：单位的人员、账户和记录都从同步中心接收。',
  unitName: '单位名称',
  unitNameHint: '本机显示的单位名称，只保存在本机',
  submit: '加入',
  newUnitInstead: '改为新建单位',
  catchUpTitle: '正在加入单位',
  catchUpIntro:
    '正在从同步中心接收本单位的人员、账户和记录。接收完成后，请用您在本单位的账户登录。如关闭窗口，下次启动时继续接收。',
  received: (n: number, of: number) => (of > 0 ? `已接收 ${n} / ${of} 条` : `已接收 ${n} 条`),
  progress: '接收进度',
  written: (n: number, accounts: number) => `已写入本机 ${n} 条记录，其中账户 ${accounts} 个`,
  status: '同步状态：',
  stalled: '暂时无法继续接收：请检查网络和同步中心。恢复后自动继续，无需重新加入。',
  abandon: '放弃加入',
  abandonMessage: '本机已接收的数据将被清除（同步中心上的数据不受影响），回到初始化时的选择。确定放弃加入？',
  done: '已接收本单位的数据，请用您的账户登录',
} as const;
