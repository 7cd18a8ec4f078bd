/** Today's alerts (since midnight UTC) by severity and by category. */
import { Card, Group, SimpleGrid, Table, Text, Title } from "@mantine/core";
import type { DashboardResponse } from "../../../../src/contracts/console.contract.js";
import { SeverityBadge } from "../../components/severity-badge.js";

type Today = NonNullable<DashboardResponse["alerts"]>["today"];

/** The "today" card. */
export function TodayCard({ today }: { today: Today }) {
  return (
    <Card withBorder component="section" aria-labelledby="today-title">
      <Title order={2} size="h3" id="today-title" mb="sm">
        Today&apos;s alerts
      </Title>
      <Text size="xl" fw={700} mb="sm">
        {today.total} today
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Table aria-label="Today's alerts by severity">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Severity</Table.Th>
              <Table.Th>Alerts</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {today.bySeverity.map((row) => (
              <Table.Tr key={row.severity}>
                <Table.Td>
                  <Group>
                    <SeverityBadge severity={row.severity} />
                  </Group>
                </Table.Td>
                <Table.Td>{row.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Table aria-label="Today's alerts by category">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Category</Table.Th>
              <Table.Th>Alerts</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {today.byCategory.map((row) => (
              <Table.Tr key={row.category}>
                <Table.Td>{row.category}</Table.Td>
                <Table.Td>{row.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SimpleGrid>
    </Card>
  );
}
