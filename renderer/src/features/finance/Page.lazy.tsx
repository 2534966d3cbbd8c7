import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="财务" coming={['报销五步审批（FIN-1）', '逾期报销、签单结算、白条拒付（FIN-2至FIN-4）', '采购与申报单（FIN-5、FIN-6）']} />;
}
