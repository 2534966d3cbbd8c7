import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="考核与监督" coming={['年度十项考核与等次（ASM-1至ASM-4）', '投诉举报、权力运行记录、半年检查（SUP-1至SUP-3）', '期限监控（SUP-4）']} />;
}
