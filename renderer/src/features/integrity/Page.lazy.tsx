import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="廉政" coming={['礼品登记与上交（INT-1）', '廉政承诺书签订']} />;
}
