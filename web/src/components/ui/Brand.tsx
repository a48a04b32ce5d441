import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconRadar2 } from '@tabler/icons-react';

/** Product mark: "Pantau" is a proper name and is not translated. */
export function Brand({ size = 'lg' }: { size?: 'lg' | 'xl' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon variant="light" size={size === 'xl' ? 'xl' : 'lg'} radius="md">
        <IconRadar2 size={size === 'xl' ? 26 : 20} />
      </ThemeIcon>
      <Text fw={700} fz={size === 'xl' ? 26 : 20} lts={0.5}>
        Pantau
      </Text>
    </Group>
  );
}
