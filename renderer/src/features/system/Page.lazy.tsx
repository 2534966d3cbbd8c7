import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="系统" coming={['用户与角色', '股室与人员', '责任单位', '工作日历', '设置', '备份与恢复', '审计日志']} />;
}
