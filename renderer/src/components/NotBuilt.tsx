import { Alert, List, Stack, Title } from '@mantine/core';

// Shown on a module page that is not built yet: says so plainly, and what will come.
export function NotBuilt({ title, coming }: { title: string; coming: string[] }) {
  return (
    <Stack>
      <Title order={2}>{title}</Title>
      <Alert color="yellow" title="本模块尚在建设中">
        此模块的功能还没有完成，暂不能使用。完成后将提供：
        <List mt="xs">
          {coming.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
        </List>
      </Alert>
    </Stack>
  );
}
