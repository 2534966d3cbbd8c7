import { NotBuilt } from '../../components/NotBuilt';

export default function Page() {
  return <NotBuilt title="会议" coming={['局长办公会、局务会与决定事项（MTG-1、MTG-2）', '股室月度汇报（MTG-3）']} />;
}
