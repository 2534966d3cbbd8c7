// 发文: drafts and numbered documents; a draft goes through 审核 → 核稿 → 定稿 → 签发 (DOC-3) in the
// approval engine and gets its number at 签发; the office then prints and distributes it.
import { OutgoingDetail } from './OutgoingDetail';
import { OutgoingForm } from './OutgoingForm';
import { OutgoingList } from './OutgoingList';
import { OutgoingPrint } from './OutgoingPrint';

export function OutgoingTab({ rest }: { rest: string[] }) {
  const [id, sub] = rest;
  if (id === 'new') return <OutgoingForm />;
  if (id && sub === 'print') return <OutgoingPrint id={id} />;
  if (id && sub === 'edit') return <OutgoingForm id={id} />;
  if (id) return <OutgoingDetail id={id} />;
  return <OutgoingList />;
}
