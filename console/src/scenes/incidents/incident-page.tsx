/**
 * One incident: the Incident Log's fields, the people involved, actions (overdue ones marked),
 * evidence with reveal-with-reason, the monitoring holds it placed (with their release), the
 * chronology (append-only), a note form, the parents' letter preview, and closing (the head or SIRO).
 */
import { Badge, Button, Card, List, Select, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { useParams } from "react-router";
import { timelineKinds } from "../../../../src/contracts/incident.contract.js";
import { incidentsApi, type IncidentDetail } from "../../api/incidents.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";
import { EvidenceViewer } from "./evidence-viewer.js";
import { MonitoringHoldsSection } from "./monitoring-holds-section.js";
import { useRefreshIncident } from "./use-refresh-incident.js";
import { ParentLetterForm } from "./parent-letter-form.js";
import { RecordActionForm } from "./record-action-form.js";

/** The incident page. */
export function IncidentPage() {
  const { schoolId, can } = useSchool();
  const { incidentId = "" } = useParams();
  const query = useQuery({
    queryKey: ["incident", schoolId, incidentId],
    queryFn: () => incidentsApi.show(schoolId, incidentId),
  });
  return (
    <QueryState query={query} label="the incident">
      {(detail) => (
        <Stack>
          <PageTitle>{detail.incident.summary}</PageTitle>
          <IncidentFields detail={detail} />
          <Title order={2} size="h3">
            Actions and outcomes
          </Title>
          <Actions actions={detail.actions} />
          {detail.incident.status !== "closed" && can("incidents.manage") ? (
            <RecordActionForm incidentId={incidentId} />
          ) : null}
          <Title order={2} size="h3">
            Evidence
          </Title>
          {detail.evidence.length === 0 ? <Text>No evidence yet.</Text> : null}
          {detail.evidence.map((item) => (
            <Card key={item.id} withBorder>
              <EvidenceViewer schoolId={schoolId} incidentId={incidentId} item={item} />
            </Card>
          ))}
          <MonitoringHoldsSection incidentId={incidentId} />
          <Title order={2} size="h3">
            Chronology
          </Title>
          <List aria-label="Chronology, oldest first">
            {detail.timeline.map((entry) => (
              <List.Item key={entry.id}>
                <Text size="sm">
                  {entry.created_at.replace("T", " ").slice(0, 16)} · {entry.created_by} ·{" "}
                  <Badge variant="light">{entry.kind}</Badge>
                </Text>
                <Text>{entry.body}</Text>
              </List.Item>
            ))}
          </List>
          {detail.incident.status !== "closed" && can("incidents.manage") ? (
            <AddEntry incidentId={incidentId} />
          ) : null}
          {can("incidents.manage") ? <ParentLetterForm incidentId={incidentId} /> : null}
          {detail.incident.status !== "closed" && can("incidents.close") ? (
            <CloseIncident incidentId={incidentId} />
          ) : null}
        </Stack>
      )}
    </QueryState>
  );
}

function IncidentFields({ detail }: { detail: IncidentDetail }) {
  const { incident } = detail;
  const rows: [string, string][] = [
    ["Status", incident.status],
    ["Incident date", incident.incident_date.slice(0, 16).replace("T", " ")],
    ["Type", incident.type],
    ["Description", incident.description],
    ["Information compromised", incident.information_classification],
    ["Device", incident.device ?? "-"],
    ["Websites", incident.websites.join(", ") || "-"],
    ["Immediate corrective action", incident.immediate_action ?? "-"],
    ["Further action", incident.further_action ?? "-"],
    ["Legal implications", incident.legal_implications ?? "-"],
    [
      "Closed",
      incident.closed_at ? `${incident.closed_at.slice(0, 10)} by ${incident.closed_by ?? "?"}` : "not yet",
    ],
    [
      "People",
      detail.people.map((p) => `${p.name ?? p.user_name ?? "?"} (${p.kind}, ${p.involvement})`).join("; ") ||
        "-",
    ],
  ];
  return (
    <Table aria-label="Incident record">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Actions({ actions }: { actions: IncidentDetail["actions"] }) {
  const today = new Date().toISOString().slice(0, 10);
  if (actions.length === 0) return <Text>No actions yet.</Text>;
  return (
    <Table striped aria-label="Actions and outcomes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Kind</Table.Th>
          <Table.Th>What</Table.Th>
          <Table.Th>Dates</Table.Th>
          <Table.Th>State</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {actions.map((action) => {
          const due = action.due_on ?? action.follow_up_due_on;
          const overdue = action.completed_at === null && due !== null && due < today;
          return (
            <Table.Tr key={action.id}>
              <Table.Td>{action.agency ? `${action.kind} (${action.agency})` : action.kind}</Table.Td>
              <Table.Td>
                {action.description}
                {action.owner ? ` · ${action.owner}` : ""}
                {action.reference ? ` · ${action.reference}` : ""}
              </Table.Td>
              <Table.Td>
                {[
                  action.happened_on,
                  due ? `due ${due}` : null,
                  action.until_on ? `until ${action.until_on}` : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Table.Td>
              <Table.Td>
                {action.completed_at ? "done" : overdue ? <Badge color="#8a1c1c">Overdue</Badge> : "open"}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function AddEntry({ incidentId }: { incidentId: string }) {
  const { schoolId } = useSchool();
  const refresh = useRefreshIncident(incidentId);
  const [kind, setKind] = useState<string>("note");
  const [body, setBody] = useState("");
  const errors = useFieldErrors();
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      await incidentsApi.addEntry(schoolId, incidentId, {
        kind: kind as (typeof timelineKinds)[number],
        body,
      });
      setBody("");
      await refresh();
    } catch (error) {
      errors.showError(error);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="add-entry">
      <Stack maw={640}>
        <Title order={2} size="h3" id="add-entry">
          Add to the chronology
        </Title>
        <Select
          label="Kind of entry"
          data={[...timelineKinds]}
          value={kind}
          onChange={(value) => {
            setKind(value ?? "note");
          }}
          allowDeselect={false}
        />
        <Textarea
          label="New entry"
          required
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
          }}
          error={errors.fields.body ?? errors.formError}
        />
        <Button type="submit">Add entry</Button>
      </Stack>
    </form>
  );
}

function CloseIncident({ incidentId }: { incidentId: string }) {
  const { schoolId } = useSchool();
  const refresh = useRefreshIncident(incidentId);
  const [outcome, setOutcome] = useState("");
  const errors = useFieldErrors();
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      await incidentsApi.close(schoolId, incidentId, outcome);
      await refresh();
    } catch (error) {
      errors.showError(error);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="close-incident">
      <Stack maw={640}>
        <Title order={2} size="h3" id="close-incident">
          Close the incident
        </Title>
        <Textarea
          label="Outcome"
          required
          value={outcome}
          onChange={(event) => {
            setOutcome(event.currentTarget.value);
          }}
          error={errors.fields.outcome ?? errors.formError}
        />
        <Button type="submit" color="red">
          Close incident
        </Button>
      </Stack>
    </form>
  );
}
