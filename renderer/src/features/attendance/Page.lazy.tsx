import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="考勤" coming={['每日签到登记（上午、下午）', '月度考勤汇总与月考核分（ATT-2至ATT-7）', '考勤表导出Excel']} />;
}
