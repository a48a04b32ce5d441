import { useState } from 'react';
import { IconCalendarTime } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { DateTimeField } from './DateTimeField.tsx';

/** "Jump to": choosing an instant moves the clock there. */
export function JumpToPicker({ at, onJump }: { at: number; onJump: (t: number) => void }) {
  const { t } = useTranslation();
  // Empty between jumps: the clock moves every frame, the picker should not; opening it starts at the clock.
  const [value, setValue] = useState<number | null>(null);
  return (
    <DateTimeField
      w={200}
      placeholder={t('playback.jumpTo')}
      leftSection={<IconCalendarTime size={14} />}
      value={value}
      onOpen={() => setValue(at)}
      onChange={(v) => {
        setValue(null);
        if (v !== null) onJump(v);
      }}
      testId="playback-jump"
    />
  );
}
