// 收文: the register's routes — the list, one document's page, its printed form.
import { IncomingDetail } from './IncomingDetail';
import { IncomingList } from './IncomingList';
import { IncomingPrint } from './IncomingPrint';

export function IncomingTab({ rest }: { rest: string[] }) {
  const [id, sub] = rest;
  if (id && sub === 'print') return <IncomingPrint id={id} />;
  if (id) return <IncomingDetail id={id} />;
  return <IncomingList />;
}
