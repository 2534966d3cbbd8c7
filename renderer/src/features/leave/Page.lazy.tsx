import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="请假与外出" coming={['请假申请与审批（LV-1至LV-7）', '因公外出审批与汇报（TRIP-1至TRIP-5）', '请假申报条打印']} />;
}
