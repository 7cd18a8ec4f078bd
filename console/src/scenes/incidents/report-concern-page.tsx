/** "Report a concern": who, what, when, and where online if it was. Under a minute, for any member of staff. */
import { Alert, Button, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { useState, type SyntheticEvent } from "react";
import { ConcernReportSchema, personKinds } from "../../../../src/contracts/incident.contract.js";
import { incidentsApi } from "../../api/incidents.js";
import { PageTitle } from "../../components/page-title.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";

const empty = { who: "", whoKind: "pupil", what: "", when: "", url: "" };

/** The report-a-concern form. */
export function ReportConcernPage() {
  const { schoolId } = useSchool();
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const errors = useFieldErrors();
  const set = (key: keyof typeof empty) => (event: { currentTarget: { value: string } }) => {
    setForm({ ...form, [key]: event.currentTarget.value });
  };
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const input = errors.validate(ConcernReportSchema, {
      who: form.who,
      whoKind: form.whoKind,
      what: form.what,
      when: form.when ? new Date(form.when).toISOString() : "",
      url: form.url || undefined,
    });
    if (!input) return;
    try {
      const saved = await incidentsApi.report(schoolId, input);
      setDone(saved.message);
      setForm(empty);
    } catch (error) {
      errors.showError(error);
    }
  };

  return (
    <Stack maw={640}>
      <PageTitle>Report a concern</PageTitle>
      {done ? (
        <Alert color="blue" role="status" title="Concern reported">
          {done}
        </Alert>
      ) : null}
      {errors.formError ? (
        <Alert color="red" role="alert" title="Not reported">
          {errors.formError}
        </Alert>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Report a concern">
        <Stack>
          <TextInput
            label="Who is it about?"
            required
            value={form.who}
            onChange={set("who")}
            error={errors.fields.who}
          />
          <Select
            label="They are a"
            data={[...personKinds]}
            value={form.whoKind}
            onChange={(value) => {
              setForm({ ...form, whoKind: value ?? "pupil" });
            }}
            allowDeselect={false}
          />
          <Textarea
            label="What happened?"
            required
            autosize
            minRows={3}
            value={form.what}
            onChange={set("what")}
            error={errors.fields.what}
          />
          <TextInput
            label="When?"
            type="datetime-local"
            required
            value={form.when}
            onChange={set("when")}
            error={errors.fields.when}
          />
          <TextInput
            label="Website, if online (optional)"
            value={form.url}
            onChange={set("url")}
            error={errors.fields.url}
          />
          <Button type="submit">Report concern</Button>
        </Stack>
      </form>
    </Stack>
  );
}
