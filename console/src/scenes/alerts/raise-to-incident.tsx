/**
 * Raising an alert to an incident from its page: the incident's type and a one-line summary, then
 * the new incident opens with the alert's evidence carried over (encrypted) and the alert marked.
 */
import { Alert, Button, Group, Select, Stack, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { useNavigate } from "react-router";
import { incidentsApi } from "../../api/incidents.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";

/** The "Raise to an incident" form, for someone who may record incidents. */
export function RaiseToIncident({
  alertId,
  suggestedSummary,
}: {
  alertId: string;
  suggestedSummary: string;
}) {
  const { schoolId } = useSchool();
  const navigate = useNavigate();
  const types = useQuery({
    queryKey: ["incident-types", schoolId],
    queryFn: () => incidentsApi.types(schoolId),
  });
  const [type, setType] = useState<string | null>(null);
  const [summary, setSummary] = useState(suggestedSummary);
  const errors = useFieldErrors();
  const raise = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      const { id } = await incidentsApi.raiseFromAlerts(schoolId, {
        alertIds: [alertId],
        type: type ?? "",
        summary,
      });
      errors.clear();
      await navigate(`/s/${schoolId}/incidents/${id}`);
    } catch (error) {
      errors.showError(error);
    }
  };
  return (
    <form onSubmit={(event) => void raise(event)} aria-labelledby="raise-title">
      <Stack maw={600}>
        <Title order={2} size="h4" id="raise-title">
          Raise to an incident
        </Title>
        <Group grow align="start">
          <Select
            label="Type of incident"
            required
            placeholder="Choose"
            data={(types.data?.types ?? []).map((entry) => ({ value: entry.id, label: entry.label }))}
            value={type}
            onChange={setType}
            error={errors.fields.type}
            searchable
          />
          <TextInput
            label="Summary"
            required
            value={summary}
            onChange={(event) => {
              setSummary(event.currentTarget.value);
            }}
            error={errors.fields.summary}
          />
        </Group>
        {errors.formError ? (
          <Alert color="red" role="alert">
            {errors.formError}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit">Raise to an incident</Button>
        </Group>
      </Stack>
    </form>
  );
}
