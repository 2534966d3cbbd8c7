import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="值班与车辆" coming={['节假日与敏感期值班表', '车辆派遣与登记']} />;
}
