import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="公文" coming={['收文登记、传阅与期限（DOC-1、DOC-2）', '发文流程与文号（DOC-3）', '借阅、归档、销毁（DOC-5至DOC-7）']} />;
}
