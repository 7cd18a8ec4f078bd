/** The alerts waiting for the gatekeeper: how many, and the most urgent few. */
import { Anchor, Card, Group, List, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { DashboardResponse } from "../../../../src/contracts/console.contract.js";
import { formatDateTime } from "../../components/format.js";
import { SeverityBadge } from "../../components/severity-badge.js";

type Queue = NonNullable<DashboardResponse["alerts"]>["queue"];

/** The queue card, with the way into the alert queue. */
export function QueueCard({ queue, schoolId }: { queue: Queue; schoolId: string }) {
  return (
    <Card withBorder component="section" aria-labelledby="queue-title">
      <Title order={2} size="h3" id="queue-title" mb="sm">
        Waiting for review
      </Title>
      <Text size="xl" fw={700}>
        {queue.waiting} {queue.waiting === 1 ? "alert" : "alerts"} waiting
      </Text>
      {queue.oldest.length > 0 ? (
        <List spacing="xs" my="sm" listStyleType="none">
          {queue.oldest.map((alert) => (
            <List.Item key={alert.id}>
              <Group gap="xs">
                <SeverityBadge severity={alert.severity} />
                <Anchor component={Link} to={`/s/${schoolId}/alerts/${alert.id}`}>
                  {alert.categories.join(", ") || "alert"}
                </Anchor>
                <Text size="sm" c="dimmed">
                  since {formatDateTime(alert.firstSeen)}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text my="sm">Nothing is waiting.</Text>
      )}
      <Anchor component={Link} to={`/s/${schoolId}/alerts`} fw={600}>
        Open the alert queue
      </Anchor>
    </Card>
  );
}
