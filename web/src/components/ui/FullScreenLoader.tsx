import { Center, Loader } from '@mantine/core';

export function FullScreenLoader() {
  return (
    <Center h="100vh">
      <Loader />
    </Center>
  );
}
