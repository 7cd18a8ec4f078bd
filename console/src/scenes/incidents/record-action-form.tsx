/**
 * Records an action or outcome on an incident: a task (owner, due date), a sanction, a referral
 * (agency, reference, follow-up date) or internet access withdrawn until a date. The server
 * contract checks it, so a missing field is named next to the field.
 */
import { Alert, Button, Group, Select, Stack, TextInput, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { IncidentActionCreateSchema, referralAgencies } from "../../../../src/contracts/incident.contract.js";
import { incidentsApi } from "../../api/incidents.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";

const kinds = ["task", "sanction", "referral", "access-withdrawn"] as const;
const empty = {
  description: "",
  owner: "",
  dueOn: "",
  happenedOn: "",
  agency: "police",
  reference: "",
  followUpDueOn: "",
  userName: "",
  untilOn: "",
};

/** The form; refreshes the incident when saved. */
export function RecordActionForm({ incidentId }: { incidentId: string }) {
  const { schoolId } = useSchool();
  const client = useQueryClient();
  const [kind, setKind] = useState<(typeof kinds)[number]>("referral");
  const [form, setForm] = useState(empty);
  const errors = useFieldErrors();
  const field = (key: keyof typeof empty, label: string, type = "text") => (
    <TextInput
      label={label}
      type={type}
      value={form[key]}
      onChange={(event) => {
        setForm({ ...form, [key]: event.currentTarget.value });
      }}
      error={errors.fields[key]}
    />
  );
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const blankless = Object.fromEntries(Object.entries(form).filter(([, value]) => value !== ""));
    const input = errors.validate(IncidentActionCreateSchema, { kind, ...blankless });
    if (!input) return;
    try {
      await incidentsApi.addAction(schoolId, incidentId, input);
      setForm(empty);
      await client.invalidateQueries({ queryKey: ["incident", schoolId, incidentId] });
    } catch (error) {
      errors.showError(error);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="record-action">
      <Stack maw={640}>
        <Title order={2} size="h3" id="record-action">
          Record an action or outcome
        </Title>
        {errors.formError ? (
          <Alert color="red" role="alert">
            {errors.formError}
          </Alert>
        ) : null}
        <Select
          label="Kind of action"
          data={[...kinds]}
          value={kind}
          onChange={(value) => {
            setKind((value ?? "task") as (typeof kinds)[number]);
          }}
          allowDeselect={false}
        />
        {field("description", "What")}
        {kind === "task" ? (
          <Group grow>
            {field("owner", "Owner")}
            {field("dueOn", "Due on", "date")}
          </Group>
        ) : null}
        {kind === "sanction" || kind === "referral" ? field("happenedOn", "On", "date") : null}
        {kind === "referral" ? (
          <Group grow>
            <Select
              label="Referred to"
              data={[...referralAgencies]}
              value={form.agency}
              onChange={(value) => {
                setForm({ ...form, agency: value ?? "police" });
              }}
              allowDeselect={false}
            />
            {field("reference", "Their reference")}
            {field("followUpDueOn", "Follow up by", "date")}
          </Group>
        ) : null}
        {kind === "access-withdrawn" ? (
          <Group grow>
            {field("userName", "User name")}
            {field("untilOn", "Until", "date")}
          </Group>
        ) : null}
        <Button type="submit">Record action</Button>
      </Stack>
    </form>
  );
}
