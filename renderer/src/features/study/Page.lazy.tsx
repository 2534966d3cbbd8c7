import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="学习" coming={['周五集中学习考勤（STU-1）', '学习笔记检查与心得论文（STU-3、STU-4）', '学费报销（STU-5）']} />;
}
