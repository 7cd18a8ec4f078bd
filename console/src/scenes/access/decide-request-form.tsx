/**
 * The SIRO's decision on one pending request: approve (perhaps for less time than asked) or
 * refuse, always with the reason, which goes on the record the requester sees.
 */
import { Alert, Button, Group, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { AccessDecisionSchema } from "../../../../src/contracts/access-governance.contract.js";
import { accessApi, type AccessRequest } from "../../api/access.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { actionLabel, endOfDay, formatDate } from "./access-labels.js";

/** One pending request with its Approve and Refuse buttons; calls `onDecided` after. */
export function DecideRequestForm(props: {
  schoolId: string;
  request: AccessRequest;
  onDecided: () => Promise<void>;
}) {
  const { request } = props;
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors();
  const who = request.requester.name;

  const decide = async (decision: "approve" | "refuse") => {
    const input = errors.validate(AccessDecisionSchema, {
      decision,
      reason,
      until: decision === "approve" && until ? endOfDay(until) : undefined,
    });
    if (!input) return;
    setBusy(true);
    try {
      await accessApi.decide(props.schoolId, request.id, input);
      await props.onDecided();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" component="section" aria-label={`Request from ${who}`}>
      <Text fw={700}>
        {who} asks to: {actionLabel(request.action).toLowerCase()}
        {request.subject ? ` (about ${request.subject})` : ""}, until {formatDate(request.requestedUntil)}
      </Text>
      <Text>Why: {request.reason}</Text>
      {errors.formError ? (
        <Alert color="red" role="alert" title="Not decided">
          {errors.formError}
        </Alert>
      ) : null}
      <Textarea
        label={`Reason for your decision on ${who}'s request`}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => {
          setReason(event.currentTarget.value);
          // The message was about what was there before; it goes once the reason is edited.
          if (errors.fields.reason) errors.clear();
        }}
        error={errors.fields.reason}
      />
      <TextInput
        label="Approve only until (optional, never later than asked)"
        type="date"
        value={until}
        onChange={(event) => {
          setUntil(event.currentTarget.value);
        }}
        error={errors.fields.until}
      />
      <Group>
        <Button loading={busy} onClick={() => void decide("approve")}>
          Approve
        </Button>
        <Button loading={busy} color="red.8" variant="outline" onClick={() => void decide("refuse")}>
          Refuse
        </Button>
      </Group>
    </Stack>
  );
}
