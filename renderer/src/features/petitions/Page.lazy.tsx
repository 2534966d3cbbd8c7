import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="信访" coming={['来信、来访、网上信访登记与重复件检查（PET-1、PET-10）', '受理、转送、交办、办结与复查复核期限（PET-2至PET-5）', '督办、重大紧急事项报告（PET-7、PET-9）', '来信台帐、来访台帐导出Excel与统计']} />;
}
