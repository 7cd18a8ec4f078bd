/**
 * The triage queue: filters, newest or most severe first, a page at a time (keyset). Worked with
 * the keyboard: j / k move between alerts, Enter opens one, x selects it for a bulk action.
 */
import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type KeyboardEvent } from "react";
import { Link, useNavigate } from "react-router";
import { AGE_GROUPS, AGE_GROUP_LABELS, AGE_GROUP_NAMES } from "../../../../src/directory/age-group.js";
import { alertsApi, type QueueFilters } from "../../api/alerts.js";
import { formatDateTime } from "../../components/format.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { SeverityBadge } from "../../components/severity-badge.js";
import { useSchool } from "../../hooks/use-school.js";
import { statusLabel } from "./status-labels.js";

const categories = [
  "self-harm",
  "bullying",
  "sexual",
  "extremism",
  "violence",
  "drugs",
  "gambling",
  "hate",
  "adult",
  "proxy-hacking",
  "distress",
  "profanity",
];

/** The queue page. */
export function AlertQueuePage() {
  const { schoolId, can } = useSchool();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [filters, setFilters] = useState<QueueFilters>({ status: "new,in-review", sort: "newest" });
  const [cursors, setCursors] = useState<string[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const cursor = cursors[cursors.length - 1];
  const query = useQuery({
    queryKey: ["alert-queue", schoolId, filters, cursor],
    queryFn: () => alertsApi.queue(schoolId, { ...filters, cursor }),
  });
  const bulk = useMutation({
    mutationFn: (status: string) => alertsApi.bulkTriage(schoolId, [...selected], status),
    onSuccess: async () => {
      setSelected(new Set());
      await client.invalidateQueries({ queryKey: ["alert-queue", schoolId] });
    },
  });
  const setFilter = (key: keyof QueueFilters) => (value: string | null) => {
    setCursors([]);
    setFilters((current) => ({ ...current, [key]: value ?? undefined }));
  };
  const toggle = (id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const onKey = (event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) => {
    const move = event.key === "j" ? 1 : event.key === "k" ? -1 : 0;
    if (move !== 0) {
      rows.current[index + move]?.focus();
      event.preventDefault();
    } else if (event.key === "Enter") {
      void navigate(`/s/${schoolId}/alerts/${id}`);
    } else if (event.key === "x") {
      toggle(id);
      event.preventDefault();
    }
  };

  return (
    <Stack>
      <PageTitle>Alert queue</PageTitle>
      <Group align="end">
        <Select
          label="Status"
          data={[
            { value: "new,in-review", label: "Open (new and in review)" },
            ...Object.entries(statusLabel).map(([value, label]) => ({ value, label })),
          ]}
          value={filters.status ?? null}
          onChange={setFilter("status")}
          clearable
          placeholder="Any status"
        />
        <Select
          label="Lowest severity"
          data={["1", "2", "3", "4", "5"]}
          value={filters.minSeverity ?? null}
          onChange={setFilter("minSeverity")}
          clearable
          placeholder="Any"
        />
        <Select
          label="Category"
          data={categories}
          value={filters.category ?? null}
          onChange={setFilter("category")}
          clearable
          placeholder="Any category"
        />
        <Select
          label="Age group"
          data={AGE_GROUPS.map((value) => ({ value, label: AGE_GROUP_LABELS[value] }))}
          value={filters.ageGroup ?? null}
          onChange={setFilter("ageGroup")}
          clearable
          placeholder="Any age group"
        />
        <Select
          label="About"
          data={[
            { value: "true", label: "A member of staff" },
            { value: "false", label: "Pupils and others" },
          ]}
          value={filters.aboutStaff ?? null}
          onChange={setFilter("aboutStaff")}
          clearable
          placeholder="Anyone"
        />
        <Select
          label="Order"
          data={[
            { value: "newest", label: "Newest first" },
            { value: "severity", label: "Most severe first" },
          ]}
          value={filters.sort ?? "newest"}
          onChange={setFilter("sort")}
        />
      </Group>
      <Text size="sm" c="dimmed">
        Keys: j and k move between alerts, Enter opens one, x selects it.
      </Text>
      {can("alerts.act") && selected.size > 0 && (
        <Group>
          <Text size="sm">{selected.size} selected</Text>
          <Button size="xs" onClick={() => bulk.mutate("in-review")}>
            Take into review
          </Button>
          <Button size="xs" variant="default" onClick={() => bulk.mutate("false-positive")}>
            Dismiss as false positive
          </Button>
        </Group>
      )}
      <QueryState query={query} label="the alert queue">
        {(page) => (
          <>
            {page.alerts.length === 0 ? (
              <Text>No alerts match these filters.</Text>
            ) : (
              <Table aria-label="Alert queue" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Select</Table.Th>
                    <Table.Th>Severity</Table.Th>
                    <Table.Th>Categories</Table.Th>
                    <Table.Th>Who</Table.Th>
                    <Table.Th>Age group</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Seen</Table.Th>
                    <Table.Th>Last seen</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.alerts.map((alert, index) => (
                    <Table.Tr
                      key={alert.id}
                      ref={(element) => {
                        rows.current[index] = element;
                      }}
                      tabIndex={0}
                      aria-label={`${alert.categories.join(", ")} alert about ${alert.user ?? alert.device ?? "unknown"}, severity ${String(alert.severity)}`}
                      onKeyDown={(event) => {
                        onKey(event, index, alert.id);
                      }}
                    >
                      <Table.Td>
                        <Checkbox
                          aria-label={`Select alert about ${alert.user ?? alert.device ?? "unknown"}`}
                          checked={selected.has(alert.id)}
                          onChange={() => {
                            toggle(alert.id);
                          }}
                          tabIndex={-1}
                        />
                      </Table.Td>
                      <Table.Td>
                        <SeverityBadge severity={alert.severity} />
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/s/${schoolId}/alerts/${alert.id}`} tabIndex={-1}>
                          {alert.categories.join(", ") || "alert"}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {alert.user ?? alert.device ?? "unknown"}
                        {alert.aboutStaff && (
                          <Badge ml="xs" size="sm" color="grape" variant="light">
                            staff
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{alert.ageGroup ? AGE_GROUP_NAMES[alert.ageGroup] : "not known"}</Table.Td>
                      <Table.Td>{statusLabel[alert.status] ?? alert.status}</Table.Td>
                      <Table.Td>{alert.count}×</Table.Td>
                      <Table.Td>{formatDateTime(alert.lastSeen)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group>
              <Button
                variant="default"
                disabled={cursors.length === 0}
                onClick={() => {
                  setCursors((current) => current.slice(0, -1));
                }}
              >
                Previous page
              </Button>
              <Button
                variant="default"
                disabled={!page.nextCursor}
                onClick={() => {
                  if (page.nextCursor) setCursors((current) => [...current, page.nextCursor ?? ""]);
                }}
              >
                Next page
              </Button>
            </Group>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
