/**
 * The header's "Notifications" button: how many things need the person now, and a popover with
 * a link to the page where each is dealt with. Polled every minute; the server decides what each
 * person may be told (GET /api/v1/me/notifications), so the menu only words and links it.
 */
import { Anchor, Badge, Button, List, Popover, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { NotificationKind, NotificationsResponse } from "../../../src/contracts/console.contract.js";
import { myNotificationsApi } from "../api/my-notifications.js";
import { severityLabel } from "../components/format.js";
import { useSchool } from "../hooks/use-school.js";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Each kind in words, and the page (under /s/:schoolId/) where it is dealt with. */
const wording: Record<NotificationKind, { text: (count: number) => string; path: string }> = {
  "alerts-assigned": {
    text: (n) => `${plural(n, "alert assigned to you is", "alerts assigned to you are")} still open`,
    path: "alerts",
  },
  "alerts-severe-waiting": {
    text: (n) => `${plural(n, "new alert", "new alerts")} at severity 4 or above waiting for review`,
    path: "alerts",
  },
  "incident-tasks-overdue": {
    text: (n) => `${plural(n, "incident task", "incident tasks")} of yours overdue`,
    path: "incidents",
  },
  "referral-follow-ups-due": {
    text: (n) => `${plural(n, "referral follow-up", "referral follow-ups")} due`,
    path: "incidents",
  },
  "access-requests-waiting": {
    text: (n) => `${plural(n, "access request", "access requests")} waiting for your decision`,
    path: "access/requests",
  },
  "access-review-due": { text: () => "The termly access review is due", path: "access/review" },
  "sources-quiet": {
    text: (n) => `${plural(n, "source has", "sources have")} gone quiet`,
    path: "settings?tab=keys",
  },
};

/** The button and its popover, for the current school. */
export function NotificationsMenu() {
  const { schoolId } = useSchool();
  const [opened, setOpened] = useState(false);
  const { data } = useQuery({
    queryKey: ["my-notifications", schoolId],
    queryFn: () => myNotificationsApi.get(schoolId),
    refetchInterval: 60_000,
  });
  const total = data?.total ?? 0;
  return (
    // No fade: the list is read at once, and a half-faded link fails the contrast it is meant to have.
    <Popover
      position="bottom-end"
      width={360}
      opened={opened}
      onChange={setOpened}
      shadow="md"
      transitionProps={{ duration: 0 }}
    >
      <Popover.Target>
        {/* The name is the visible words plus hidden ones ("Notifications, 3 need you"), never an
            aria-label that would differ from what a speech-input user sees and says. */}
        <Button variant="default" onClick={() => setOpened((open) => !open)}>
          Notifications
          <VisuallyHidden component="span">{total === 0 ? ", nothing needs you" : ","}</VisuallyHidden>
          {total > 0 && (
            <>
              {" "}
              <Badge component="span" color="#b32424" variant="filled" size="sm" ml={6}>
                {total}
              </Badge>
              <VisuallyHidden component="span"> need you</VisuallyHidden>
            </>
          )}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={700} mb="xs">
          What needs you now
        </Text>
        <NotificationLinks schoolId={schoolId} data={data} onFollow={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationLinks(props: {
  schoolId: string;
  data: NotificationsResponse | undefined;
  onFollow: () => void;
}) {
  const { schoolId, data, onFollow } = props;
  if (!data) return <Text>Checking…</Text>;
  if (data.items.length === 0) return <Text>Nothing needs you now.</Text>;
  const link = (to: string, text: string) => (
    <Anchor component={Link} to={`/s/${schoolId}/${to}`} onClick={onFollow}>
      {text}
    </Anchor>
  );
  return (
    <Stack gap="xs">
      <List spacing="xs">
        {data.items.map((item) => (
          <List.Item key={item.kind}>
            {link(wording[item.kind].path, wording[item.kind].text(item.count))}
          </List.Item>
        ))}
      </List>
      {data.assignedAlerts.length > 0 && (
        <>
          <Text fw={700}>Assigned to you</Text>
          <List spacing="xs">
            {data.assignedAlerts.map((alert) => (
              <List.Item key={alert.id}>
                {link(
                  `alerts/${alert.id}`,
                  `${severityLabel(alert.severity)}: ${alert.categories.join(", ") || "alert"}`,
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
