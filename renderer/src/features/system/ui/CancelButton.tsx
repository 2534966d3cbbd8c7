import { Button } from '@mantine/core';

// 取消 beside a dialog's submit button.
export function CancelButton({ onClick }: { onClick: () => void }) {
  return (
    <Button variant="default" onClick={onClick}>
      取消
    </Button>
  );
}
