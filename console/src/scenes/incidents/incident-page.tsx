/**
 * One incident: the Incident Log's fields, the people involved, actions (overdue ones marked),
 * evidence with reveal-with-reason, the chronology (append-only), a note form, the parents' letter
 * preview, and closing (the head or SIRO).
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  List,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { useParams } from "react-router";
import { timelineKinds } from "../../../../src/contracts/incident.contract.js";
import { incidentsApi, type IncidentDetail } from "../../api/incidents.js";
import { PageTitle } from "../../components/page-title.js";
import { saveFile } from "../../components/save-file.js";
import { QueryState } from "../../components/query-state.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";
import { EvidenceViewer } from "./evidence-viewer.js";
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
          {can("incidents.manage") ? <LetterPreview incidentId={incidentId} /> : null}
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

function useRefresh(incidentId: string) {
  const client = useQueryClient();
  const { schoolId } = useSchool();
  return () => client.invalidateQueries({ queryKey: ["incident", schoolId, incidentId] });
}

function AddEntry({ incidentId }: { incidentId: string }) {
  const { schoolId } = useSchool();
  const refresh = useRefresh(incidentId);
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

function LetterPreview({ incidentId }: { incidentId: string }) {
  const { schoolId } = useSchool();
  const refresh = useRefresh(incidentId);
  const [parentName, setParentName] = useState("");
  const [pupilName, setPupilName] = useState("");
  const [sentOn, setSentOn] = useState("");
  const [text, setText] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const errors = useFieldErrors();
  const input = () => ({ parentName, pupilName, ...(sentOn ? { sentOn } : {}) });
  const preview = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      setText((await incidentsApi.letter(schoolId, incidentId, input())).text);
      errors.clear();
    } catch (error) {
      errors.showError(error);
    }
  };
  const download = async () => {
    try {
      const pdf = await incidentsApi.letterPdf(schoolId, incidentId, input());
      saveFile(pdf, `letter-${incidentId}.pdf`);
      errors.clear();
      if (sentOn) {
        setRecorded(`Recorded on the chronology: letter to ${parentName} sent on ${sentOn}.`);
        await refresh();
      }
    } catch (error) {
      errors.showError(error);
    }
  };
  return (
    <form onSubmit={(event) => void preview(event)} aria-labelledby="letter">
      <Stack maw={640}>
        <Title order={2} size="h3" id="letter">
          Letter to parents or carers
        </Title>
        <Group grow>
          <TextInput
            label="Parent or carer"
            required
            value={parentName}
            onChange={(event) => {
              setParentName(event.currentTarget.value);
            }}
            error={errors.fields.parentName}
          />
          <TextInput
            label="Pupil"
            required
            value={pupilName}
            onChange={(event) => {
              setPupilName(event.currentTarget.value);
            }}
            error={errors.fields.pupilName}
          />
        </Group>
        <TextInput
          type="date"
          label="Sent on"
          description="When you send it: the date goes on the chronology with the PDF's fingerprint"
          value={sentOn}
          onChange={(event) => {
            setSentOn(event.currentTarget.value);
          }}
          error={errors.fields.sentOn}
        />
        {errors.formError ? (
          <Alert color="red" role="alert">
            {errors.formError}
          </Alert>
        ) : null}
        {recorded ? <Alert role="status">{recorded}</Alert> : null}
        <Group>
          <Button type="submit">Preview letter</Button>
          <Button variant="outline" onClick={() => void download()}>
            {sentOn ? "Download PDF and record it as sent" : "Download PDF"}
          </Button>
        </Group>
        {text ? (
          <Code block aria-label="Letter preview" tabIndex={0} style={{ whiteSpace: "pre-wrap" }}>
            {text}
          </Code>
        ) : null}
      </Stack>
    </form>
  );
}

function CloseIncident({ incidentId }: { incidentId: string }) {
  const { schoolId } = useSchool();
  const refresh = useRefresh(incidentId);
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
