import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="宣传奖励" coming={['稿件登记与奖励计算（PUB-1）', '奖励申报与发放（PUB-2）']} />;
}
