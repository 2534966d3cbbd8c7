// A case's number, linking to the case.
import { Anchor } from '@mantine/core';

import { href } from '../../../app/router';

export function CaseLink({ p }: { p: { id: string; regNo: string } }) {
  return (
    <Anchor href={href('petitions', 'case', p.id)} size="sm">
      {p.regNo}
    </Anchor>
  );
}
