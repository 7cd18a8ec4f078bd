/** Deliveries: every message sent or being retried, with its status, attempts and last error. */
import { Select, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { notificationsApi } from "../../api/notifications.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useSchool } from "../../hooks/use-school.js";

/** The deliveries page. */
export function NotificationDeliveriesPage() {
  const { schoolId } = useSchool();
  const [status, setStatus] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ["notification-deliveries", schoolId, status],
    queryFn: () => notificationsApi.deliveries(schoolId, status ?? undefined),
    refetchInterval: 15_000,
  });
  return (
    <Stack>
      <PageTitle>Deliveries</PageTitle>
      <Select
        label="Status"
        maw={240}
        clearable
        placeholder="Any status"
        data={["pending", "retrying", "sent", "grouped", "failed"]}
        value={status}
        onChange={setStatus}
      />
      <QueryState query={query} label="deliveries">
        {({ deliveries }) => (
          <Table striped aria-label="Deliveries, newest first">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Created</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Attempts</Table.Th>
                <Table.Th>Last error</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deliveries.map((delivery) => (
                <Table.Tr key={delivery.id}>
                  <Table.Td>{new Date(delivery.createdAt).toLocaleString("en-GB")}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={delivery.status === "sent" ? 400 : 700}>
                      {delivery.status}
                    </Text>
                  </Table.Td>
                  <Table.Td>{delivery.channel}</Table.Td>
                  <Table.Td>
                    {delivery.kind}
                    {delivery.groupedCount ? ` (+${String(delivery.groupedCount)} grouped)` : ""}
                  </Table.Td>
                  <Table.Td>{delivery.attempts}</Table.Td>
                  <Table.Td>{delivery.lastError ?? ""}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Stack>
  );
}
