/**
 * One alert: why it was raised in plain words, the evidence with the matched words highlighted,
 * the triage actions the person may take, a suppression in two clicks, raising it to an incident,
 * and the full history.
 */
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { alertsApi } from "../../api/alerts.js";
import { ApiError } from "../../api/client.js";
import { formatDateTime } from "../../components/format.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { SeverityBadge } from "../../components/severity-badge.js";
import { useSchool } from "../../hooks/use-school.js";
import { HighlightedEvidence } from "./highlighted-evidence.js";
import { RaiseToIncident } from "./raise-to-incident.js";
import { statusAction, statusLabel } from "./status-labels.js";

const suppressionDays = 30;

/** The alert page. */
export function AlertPage() {
  const { alertId = "" } = useParams();
  const { can } = useSchool();
  const client = useQueryClient();
  const [note, setNote] = useState("");
  const [scope, setScope] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const query = useQuery({ queryKey: ["alert", alertId], queryFn: () => alertsApi.detail(alertId) });
  const refresh = () => client.invalidateQueries({ queryKey: ["alert", alertId] });
  const triage = useMutation({
    mutationFn: (status: string) => alertsApi.triage(alertId, status, note.trim() || undefined),
    onSuccess: async (result) => {
      setNote("");
      setDone(`Moved to ${statusLabel[result.to] ?? result.to}.`);
      await refresh();
    },
  });
  const suppress = useMutation({
    mutationFn: (chosen: string) =>
      alertsApi.suppress(alertId, {
        scope: chosen as "site" | "user" | "device" | "school",
        until: new Date(Date.now() + suppressionDays * 86_400_000).toISOString(),
        reason: note.trim() || `Not a concern for this ${chosen} (suppressed from the alert page)`,
      }),
    onSuccess: async () => {
      setDone(
        `Suppressed for ${String(suppressionDays)} days: the same rules will not alert for this ${scope ?? ""}.`,
      );
      setScope(null);
      await refresh();
    },
  });
  const failure = triage.error ?? suppress.error;

  return (
    <QueryState query={query} label="the alert">
      {(alert) => (
        <Stack>
          <PageTitle>{`Alert: ${alert.categories.join(", ") || "alert"}`}</PageTitle>
          <Group>
            <SeverityBadge severity={alert.severity} />
            {alert.aboutStaff && (
              <Badge
                color="grape"
                variant="light"
                title="The directory holds this user name for a member of staff"
              >
                About a member of staff
              </Badge>
            )}
            <Text>{statusLabel[alert.status] ?? alert.status}</Text>
            <Text>
              {alert.user ?? "unknown user"} on {alert.device ?? "unknown device"}, seen {alert.count}× from{" "}
              {formatDateTime(alert.firstSeen)} to {formatDateTime(alert.lastSeen)}
            </Text>
          </Group>
          {alert.url && <Text>Address: {alert.url}</Text>}
          <Title order={2} size="h4">
            Why this alert was raised
          </Title>
          <ul aria-label="Explanation">
            {alert.explanation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {alert.evidence && (
            <>
              <Title order={2} size="h4">
                What was written
              </Title>
              <HighlightedEvidence evidence={alert.evidence} />
            </>
          )}
          {done && (
            <Alert color="green" role="status">
              {done}
            </Alert>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure instanceof ApiError ? failure.message : "That did not work."}
            </Alert>
          )}
          {(alert.abilities.transitions.length > 0 || alert.abilities.suppress) && (
            <>
              <Title order={2} size="h4">
                Triage
              </Title>
              <Textarea
                label="Note (kept in the alert's history)"
                value={note}
                onChange={(event) => {
                  setNote(event.currentTarget.value);
                }}
                maw={600}
              />
              <Group>
                {alert.abilities.transitions.map((status) => (
                  <Button key={status} onClick={() => triage.mutate(status)} loading={triage.isPending}>
                    {statusAction[status] ?? status}
                  </Button>
                ))}
              </Group>
              {alert.abilities.suppress && (
                <Group align="end">
                  <Select
                    label="Suppress these rules for"
                    placeholder="Choose"
                    data={[
                      ...(alert.url ? [{ value: "site", label: "This site" }] : []),
                      ...(alert.user ? [{ value: "user", label: "This pupil" }] : []),
                      ...(alert.device ? [{ value: "device", label: "This device" }] : []),
                      { value: "school", label: "The whole school" },
                    ]}
                    value={scope}
                    onChange={setScope}
                  />
                  <Button
                    variant="default"
                    disabled={scope === null}
                    onClick={() => {
                      if (scope) suppress.mutate(scope);
                    }}
                  >
                    {`Suppress for ${String(suppressionDays)} days`}
                  </Button>
                </Group>
              )}
            </>
          )}
          {can("incidents.manage") && alert.status !== "incident" && (
            <RaiseToIncident
              alertId={alert.id}
              suggestedSummary={`${alert.categories.join(", ") || "Alert"} concerning ${alert.user ?? "an unknown user"}`}
            />
          )}
          <Title order={2} size="h4">
            History
          </Title>
          {alert.history.length === 0 ? (
            <Text>Nobody has acted on this alert yet.</Text>
          ) : (
            <Table aria-label="History">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Who</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Note</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {alert.history.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>{entry.actor}</Table.Td>
                    <Table.Td>
                      {entry.toStatus
                        ? `${statusLabel[entry.fromStatus ?? ""] ?? entry.fromStatus ?? ""} → ${statusLabel[entry.toStatus] ?? entry.toStatus}`
                        : entry.action}
                    </Table.Td>
                    <Table.Td>{entry.note ?? ""}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
