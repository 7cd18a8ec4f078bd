/** "Ask for access": what, about whom, why and until when, checked with the API's own contract. */
import { Alert, Button, Select, Stack, TextInput, Textarea, Title } from "@mantine/core";
import { useState, type SyntheticEvent } from "react";
import { AccessRequestSchema } from "../../../../src/contracts/access-governance.contract.js";
import { requestableActions } from "../../../../src/governance/requestable-actions.js";
import { accessApi } from "../../api/access.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { actionLabel, endOfDay } from "./access-labels.js";

const empty = { action: "", subject: "", reason: "", until: "" };
const choices = requestableActions.map((action) => ({ value: action, label: actionLabel(action) }));

/** The form; calls `onAsked` after the request is recorded. */
export function AskForAccessForm({ schoolId, onAsked }: { schoolId: string; onAsked: () => Promise<void> }) {
  const [form, setForm] = useState(empty);
  const [done, setDone] = useState(false);
  const errors = useFieldErrors();
  const set = (key: keyof typeof empty) => (event: { currentTarget: { value: string } }) => {
    setForm({ ...form, [key]: event.currentTarget.value });
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setDone(false);
    const input = errors.validate(AccessRequestSchema, {
      action: form.action,
      subject: form.subject.trim() || undefined,
      reason: form.reason,
      until: endOfDay(form.until),
    });
    if (!input) return;
    try {
      await accessApi.request(schoolId, input);
      setForm(empty);
      setDone(true);
      await onAsked();
    } catch (error) {
      errors.showError(error);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="ask-for-access">
      <Stack maw={560}>
        <Title order={2} size="h3" id="ask-for-access">
          Ask for access
        </Title>
        {done ? (
          <Alert color="blue" role="status" title="Asked">
            Your request is waiting for the senior information risk owner to decide.
          </Alert>
        ) : null}
        {errors.formError ? (
          <Alert color="red" role="alert" title="Not asked">
            {errors.formError}
          </Alert>
        ) : null}
        <Select
          label="What do you need to do?"
          placeholder="Choose"
          required
          data={choices}
          value={form.action || null}
          onChange={(value) => {
            setForm({ ...form, action: value ?? "" });
          }}
          error={errors.fields.action}
        />
        <TextInput
          label="About whom (optional)"
          description="A pupil or group, if the access is about someone in particular"
          value={form.subject}
          onChange={set("subject")}
          error={errors.fields.subject}
        />
        <Textarea
          label="Why do you need it?"
          required
          autosize
          minRows={2}
          value={form.reason}
          onChange={set("reason")}
          error={errors.fields.reason}
        />
        <TextInput
          label="Until"
          type="date"
          required
          value={form.until}
          onChange={set("until")}
          error={errors.fields.until}
        />
        <Button type="submit">Ask for access</Button>
      </Stack>
    </form>
  );
}
