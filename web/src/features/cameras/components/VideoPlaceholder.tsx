import { AspectRatio, Center, Stack, Text } from '@mantine/core';
import { IconVideoOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Stands where the live player will go once the media module ships. */
export function VideoPlaceholder() {
  const { t } = useTranslation();
  return (
    <AspectRatio ratio={16 / 9}>
      <Center
        data-testid="video-placeholder"
        style={{
          background: 'repeating-linear-gradient(45deg, #0d141c, #0d141c 12px, #101922 12px, #101922 24px)',
          border: '1px dashed var(--mantine-color-dark-4)',
          borderRadius: 'var(--mantine-radius-md)',
        }}
      >
        <Stack align="center" gap={6} px="md">
          <IconVideoOff size={36} stroke={1.4} color="var(--mantine-color-dark-2)" />
          <Text c="dimmed" size="sm" ta="center">
            {t('cameras.videoPlaceholder')}
          </Text>
        </Stack>
      </Center>
    </AspectRatio>
  );
}
