/** Open incidents, overdue actions and referral follow-ups due (for those who may see incidents). */
import { Anchor, Card, Group, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { DashboardResponse } from "../../../../src/contracts/console.contract.js";

/** The incidents card. */
export function IncidentsCard({
  incidents,
  schoolId,
}: {
  incidents: NonNullable<DashboardResponse["incidents"]>;
  schoolId: string;
}) {
  return (
    <Card withBorder component="section" aria-labelledby="incidents-title">
      <Title order={2} size="h3" id="incidents-title" mb="sm">
        Incidents
      </Title>
      <Group>
        <Text size="xl" fw={700}>
          {incidents.open} open
        </Text>
        <Text size="xl" fw={700} c={incidents.overdueActions > 0 ? "red.9" : undefined}>
          {incidents.overdueActions} overdue {incidents.overdueActions === 1 ? "action" : "actions"}
        </Text>
        <Text size="xl" fw={700} c={incidents.followUpsDue > 0 ? "red.9" : undefined}>
          {incidents.followUpsDue} referral {incidents.followUpsDue === 1 ? "follow-up" : "follow-ups"} due
        </Text>
      </Group>
      <Anchor component={Link} to={`/s/${schoolId}/incidents`}>
        Open incidents
      </Anchor>
    </Card>
  );
}
