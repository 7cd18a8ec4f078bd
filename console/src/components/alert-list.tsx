/** A short table of alerts (for search results and a pupil's or device's page). */
import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import type { SearchResponse } from "../../../src/contracts/console.contract.js";
import { formatDateTime } from "./format.js";
import { SeverityBadge } from "./severity-badge.js";

type AlertHit = NonNullable<SearchResponse["alerts"]>[number];

/** The alerts, each linking to its page in the alert queue. */
export function AlertList({
  alerts,
  schoolId,
  caption,
}: {
  alerts: AlertHit[];
  schoolId: string;
  caption: string;
}) {
  if (alerts.length === 0) return <Text>No alerts.</Text>;
  return (
    <Table aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Severity</Table.Th>
          <Table.Th>Categories</Table.Th>
          <Table.Th>Pupil</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Last seen</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {alerts.map((alert) => (
          <Table.Tr key={alert.id}>
            <Table.Td>
              <SeverityBadge severity={alert.severity} />
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/s/${schoolId}/alerts/${alert.id}`}>
                {alert.categories.join(", ") || "alert"}
              </Anchor>
            </Table.Td>
            <Table.Td>{alert.pupil ?? "unknown"}</Table.Td>
            <Table.Td>{alert.status}</Table.Td>
            <Table.Td>{formatDateTime(alert.lastSeen)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
