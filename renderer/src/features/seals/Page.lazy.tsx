import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="印章" coming={['印章与保管人', '用印登记与局长同意（SEAL-2、SEAL-3）']} />;
}
