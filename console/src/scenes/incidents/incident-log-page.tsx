/**
 * The incident log: every incident the person may see, newest first, filtered by status, type,
 * person and date. Allegations against staff appear only for the head and whom the head named.
 */
import { Anchor, Badge, Button, Group, Select, Stack, Table, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { Link } from "react-router";
import { incidentsApi, type IncidentFilter } from "../../api/incidents.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useSchool } from "../../hooks/use-school.js";

/** The incident log page. */
export function IncidentLogPage() {
  const { schoolId, can } = useSchool();
  const [draft, setDraft] = useState<IncidentFilter>({});
  const [filter, setFilter] = useState<IncidentFilter>({});
  const query = useQuery({
    queryKey: ["incidents", schoolId, filter],
    queryFn: () => incidentsApi.list(schoolId, filter),
  });
  const types = useQuery({
    queryKey: ["incident-types", schoolId],
    queryFn: () => incidentsApi.types(schoolId),
  });
  const typeLabel = (id: string) => types.data?.types.find((type) => type.id === id)?.label ?? id;
  const apply = (event: SyntheticEvent) => {
    event.preventDefault();
    setFilter(draft);
  };

  return (
    <Stack>
      <PageTitle>Incident log</PageTitle>
      {can("concerns.report") ? (
        <Anchor component={Link} to={`/s/${schoolId}/concerns/new`}>
          Report a concern
        </Anchor>
      ) : null}
      <form onSubmit={apply} aria-label="Filter incidents">
        <Group align="end">
          <Select
            label="Status"
            clearable
            data={["open", "in-progress", "closed"]}
            value={draft.status ?? null}
            onChange={(value) => {
              setDraft({ ...draft, status: value ?? undefined });
            }}
          />
          <Select
            label="Type"
            clearable
            searchable
            data={(types.data?.types ?? []).map((type) => ({ value: type.id, label: type.label }))}
            value={draft.type ?? null}
            onChange={(value) => {
              setDraft({ ...draft, type: value ?? undefined });
            }}
          />
          <TextInput
            label="Pupil or person"
            value={draft.person ?? ""}
            onChange={(event) => {
              setDraft({ ...draft, person: event.currentTarget.value || undefined });
            }}
          />
          <TextInput
            label="From"
            type="date"
            value={draft.from ?? ""}
            onChange={(event) => {
              setDraft({ ...draft, from: event.currentTarget.value || undefined });
            }}
          />
          <TextInput
            label="To"
            type="date"
            value={draft.to ?? ""}
            onChange={(event) => {
              setDraft({ ...draft, to: event.currentTarget.value || undefined });
            }}
          />
          <Button type="submit">Filter</Button>
        </Group>
      </form>
      <QueryState query={query} label="incidents">
        {({ incidents }) =>
          incidents.length === 0 ? (
            <p>No incidents match.</p>
          ) : (
            <Table striped aria-label="Incidents, newest first">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th>Summary</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {incidents.map((incident) => (
                  <Table.Tr key={incident.id}>
                    <Table.Td>{incident.incident_date.slice(0, 10)}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/s/${schoolId}/incidents/${incident.id}`}>
                        {incident.summary}
                      </Anchor>{" "}
                      {incident.staff_allegation ? (
                        <Badge color="#5f3dc4">Allegation against staff</Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{typeLabel(incident.type)}</Table.Td>
                    <Table.Td>{incident.status}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Stack>
  );
}
