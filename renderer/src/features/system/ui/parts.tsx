// The system screens' shared pieces: a form in a dialog, a record's 启用/停用 state.
import { Badge, Button, Modal } from '@mantine/core';
import type { MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

import { FormCard } from '../../../components/FormCard';
import type { CommandForm } from '../../../components/useCommandForm';

// A form in a dialog: the title on the dialog, the fields, the submit button with 取消 beside it.
export function ModalForm({
  form,
  title,
  submitLabel,
  size,
  onClose,
  children,
}: {
  form: Pick<CommandForm<never, unknown>, 'submit' | 'busy'>;
  title: ReactNode;
  submitLabel: ReactNode;
  size?: MantineSize;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      centered
      size={size}
      closeButtonProps={{ 'aria-label': '关闭' }}
    >
      <FormCard
        form={form}
        submitLabel={submitLabel}
        withBorder={false}
        p={0}
        gap="md"
        footer={
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
        }
      >
        {children}
      </FormCard>
    </Modal>
  );
}

// A record still in use (green) or 停用 (grey).
export function ActiveBadge({ active, label }: { active: boolean; label: string }) {
  return (
    <Badge size="sm" variant="light" color={active ? 'green' : 'gray'}>
      {active ? label : '已停用'}
    </Badge>
  );
}

// The dimmed row of a record no longer in use.
export const dimInactive = (r: { active: boolean }) => ({ opacity: r.active ? 1 : 0.55 });
