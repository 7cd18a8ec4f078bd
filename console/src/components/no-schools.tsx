/** For a signed-in person with no school memberships yet. */
import { Stack, Text, Title } from "@mantine/core";

/** Explains what to ask for. */
export function NoSchools() {
  return (
    <Stack p="md" component="main">
      <Title order={1}>No school yet</Title>
      <Text>
        Your account is not a member of any school. Ask your Vigil administrator to give you a role.
      </Text>
    </Stack>
  );
}
