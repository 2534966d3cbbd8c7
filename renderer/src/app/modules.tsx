// The fourteen navigation items of product.md, in order, each a lazily loaded page.
import {
  IconBuildingBank,
  IconCalendarCheck,
  IconCar,
  IconCash,
  IconChecklist,
  IconFileText,
  IconGavel,
  IconHome,
  IconMail,
  IconNews,
  IconSchool,
  IconSettings,
  IconShieldCheck,
  IconRubberStamp,
  IconUsersGroup,
} from '@tabler/icons-react';
import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';

import type { ModuleId } from './routes';

export type ModuleDef = {
  key: ModuleId;
  label: string;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  Page: LazyExoticComponent<ComponentType>;
};

// one module a line (a table)
// prettier-ignore
export const MODULES: ModuleDef[] = [
  { key: 'dashboard', label: '工作台', icon: IconHome, Page: lazy(() => import('../features/dashboard/Page.lazy')) },
  { key: 'petitions', label: '信访', icon: IconMail, Page: lazy(() => import('../features/petitions/Page.lazy')) },
  { key: 'attendance', label: '考勤', icon: IconCalendarCheck, Page: lazy(() => import('../features/attendance/Page.lazy')) },
  { key: 'leave', label: '请假与外出', icon: IconChecklist, Page: lazy(() => import('../features/leave/Page.lazy')) },
  { key: 'documents', label: '公文', icon: IconFileText, Page: lazy(() => import('../features/documents/Page.lazy')) },
  { key: 'seals', label: '印章', icon: IconRubberStamp, Page: lazy(() => import('../features/seals/Page.lazy')) },
  { key: 'meetings', label: '会议', icon: IconUsersGroup, Page: lazy(() => import('../features/meetings/Page.lazy')) },
  { key: 'study', label: '学习', icon: IconSchool, Page: lazy(() => import('../features/study/Page.lazy')) },
  { key: 'publicity', label: '宣传奖励', icon: IconNews, Page: lazy(() => import('../features/publicity/Page.lazy')) },
  { key: 'finance', label: '财务', icon: IconCash, Page: lazy(() => import('../features/finance/Page.lazy')) },
  { key: 'integrity', label: '廉政', icon: IconShieldCheck, Page: lazy(() => import('../features/integrity/Page.lazy')) },
  { key: 'assessment', label: '考核与监督', icon: IconGavel, Page: lazy(() => import('../features/assessment/Page.lazy')) },
  { key: 'duty', label: '值班与车辆', icon: IconCar, Page: lazy(() => import('../features/duty/Page.lazy')) },
  { key: 'system', label: '系统', icon: IconSettings, Page: lazy(() => import('../features/system/Page.lazy')) },
];

export const UNIT_ICON = IconBuildingBank;
