/** What an unknown console address shows. */
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

/** "Nothing here", with the way back. */
export function NotFound() {
  return (
    <Stack p="md">
      <Title order={1}>Page not found</Title>
      <Text>Nothing is at this address in Vigil.</Text>
      <Anchor component={Link} to="/">
        Go to the dashboard
      </Anchor>
    </Stack>
  );
}
