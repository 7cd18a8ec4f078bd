/** Retention periods (read only): how long captured activity is kept, and the school's last purge. */
import { Code, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { RetentionView } from "../../../../src/contracts/console-settings.contract.js";
import { retentionApi } from "../../api/settings.js";
import { formatDateTime } from "../../components/format.js";
import { QueryState } from "../../components/query-state.js";
import { useSchool } from "../../hooks/use-school.js";

/** The retention part of the school tab. */
export function RetentionPanel() {
  const { schoolId } = useSchool();
  const query = useQuery({ queryKey: ["retention", schoolId], queryFn: () => retentionApi.get(schoolId) });
  return (
    <Stack gap="xs" maw={720} mt="xl">
      <Title order={2} size="h3">
        Retention periods
      </Title>
      <QueryState query={query} label="the retention periods">
        {(data) => (
          <>
            <Text>
              Captured activity is kept for {data.eventRetentionDays} days, then deleted each night, except
              what is under an investigation hold. Change it with <Code>{data.environmentVariable}</Code> on
              the server.
            </Text>
            <Table aria-label="Retention">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">Captured activity kept for</Table.Th>
                  <Table.Td>{data.eventRetentionDays} days</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">Last purge</Table.Th>
                  <Table.Td>{lastPurgeText(data.lastPurge)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** "5 Mar 2026, 02:00: 1,204 events deleted", or "Not yet". */
export function lastPurgeText(lastPurge: RetentionView["lastPurge"]): string {
  if (!lastPurge) return "Not yet";
  const events = `${lastPurge.events.toLocaleString("en-GB")} ${lastPurge.events === 1 ? "event" : "events"}`;
  return `${formatDateTime(lastPurge.at)}: ${events} deleted`;
}
