/** The school's details, the signed-in person's roles there and the retention periods (read only). */
import { Badge, Group, Table } from "@mantine/core";
import { useSchool } from "../../hooks/use-school.js";
import { RetentionPanel } from "./retention-panel.js";

/** The school tab. */
export function SchoolPanel() {
  const { school } = useSchool();
  if (!school) return null;
  return (
    <>
      <Table aria-label="School details" maw={720}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">Name</Table.Th>
            <Table.Td>{school.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">School id</Table.Th>
            <Table.Td>{school.schoolId}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Your roles here</Table.Th>
            <Table.Td>
              <Group gap="xs">
                {school.roles.map((role) => (
                  <Badge key={role} variant="outline" color="dark">
                    {role}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <RetentionPanel />
    </>
  );
}
