/**
 * Changing one person's account: grant or remove a role in this school, unlock, set or clear
 * when a guest or supply account ends, and disable (after a confirmation). The server's refusal,
 * such as removing the only active administrator, is shown in words at the top.
 */
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { AccountExpiryRequestSchema } from "../../../../src/contracts/identity-admin.contract.js";
import type { Role } from "../../../../src/identity/roles.js";
import { formatDateTime } from "../../components/format.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { roleName, roleOptions } from "./role-names.js";
import { usersApi, type StaffMember } from "./users-api.js";

/** `2026-12-18T16:00` (the browser's local time) from an ISO instant, for a datetime-local field. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** An ISO instant from a datetime-local value, or the text itself so the contract names it. */
function fromLocalInput(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** The dialog for `person`; `onChanged` reloads the list after each change. */
export function ManagePersonModal(props: {
  person: StaffMember;
  schoolId: string;
  onClose: () => void;
  onChanged: () => Promise<void>;
}) {
  const { person, schoolId } = props;
  const [role, setRole] = useState<string | null>(null);
  const [expiry, setExpiry] = useState(toLocalInput(person.expiresAt));
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const errors = useFieldErrors();
  const held = person.roles.filter((entry) => entry.schoolId === schoolId).map((entry) => entry.role);

  const run = async (action: () => Promise<unknown>, message: string) => {
    errors.clear();
    setDone(null);
    try {
      await action();
      setDone(message);
      await props.onChanged();
    } catch (error) {
      errors.showError(error);
    }
  };

  const grant = async () => {
    if (!role) return;
    await run(() => usersApi.grantRole(person.id, schoolId, role as Role), `${roleName(role)} granted.`);
    setRole(null);
  };

  const saveExpiry = async (value: string | null) => {
    const input = errors.validate(AccountExpiryRequestSchema, {
      expiresAt: value === null ? null : fromLocalInput(value),
    });
    if (!input) return;
    await run(
      () => usersApi.setExpiry(person.id, input),
      input.expiresAt
        ? `The account ends on ${formatDateTime(input.expiresAt)}.`
        : "The account no longer ends.",
    );
    if (value === null) setExpiry("");
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={`Manage ${person.name}`}
      size="lg"
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <Stack>
        <Text size="sm">{person.email}</Text>
        {errors.formError ? (
          <Alert color="red" role="alert" title="Not changed">
            {errors.formError}
          </Alert>
        ) : null}
        {done ? (
          <Alert color="green" role="status">
            {done}
          </Alert>
        ) : null}

        <Title order={3} size="h4">
          Roles in this school
        </Title>
        {held.length === 0 ? <Text size="sm">No role here.</Text> : null}
        {held.map((heldRole) => (
          <Group key={heldRole} justify="space-between">
            <Text size="sm">{roleName(heldRole)}</Text>
            <Button
              size="xs"
              variant="default"
              onClick={() =>
                void run(
                  () => usersApi.revokeRole(person.id, schoolId, heldRole),
                  `${roleName(heldRole)} removed.`,
                )
              }
            >
              {`Remove ${roleName(heldRole)}`}
            </Button>
          </Group>
        ))}
        <Group align="flex-end">
          <Select
            label="Role to grant"
            placeholder="Choose a role"
            data={roleOptions.filter((option) => !held.includes(option.value))}
            value={role}
            onChange={setRole}
            w={340}
          />
          <Button onClick={() => void grant()} disabled={!role}>
            Grant role
          </Button>
        </Group>

        <Title order={3} size="h4">
          When the account ends
        </Title>
        <Group align="flex-end">
          <TextInput
            label="Account ends at (guest or supply staff)"
            type="datetime-local"
            value={expiry}
            onChange={(event) => {
              setExpiry(event.currentTarget.value);
            }}
            error={errors.fields.expiresAt}
            w={340}
          />
          <Button onClick={() => void saveExpiry(expiry)}>Set end</Button>
          <Button variant="default" onClick={() => void saveExpiry(null)} disabled={!person.expiresAt}>
            Never ends
          </Button>
        </Group>

        <Title order={3} size="h4">
          Access
        </Title>
        <Group>
          {person.locked ? (
            <Button variant="default" onClick={() => void run(() => usersApi.unlock(person.id), "Unlocked.")}>
              Unlock
            </Button>
          ) : null}
          {person.disabled ? (
            <Text size="sm">This account is disabled.</Text>
          ) : confirmingDisable ? null : (
            <Button
              color="red"
              variant="outline"
              onClick={() => {
                setConfirmingDisable(true);
              }}
            >
              Disable account
            </Button>
          )}
        </Group>
        {confirmingDisable && !person.disabled ? (
          <Alert color="red" title="Disable this account?">
            <Stack>
              <Text size="sm">
                {person.name} is signed out everywhere at once and cannot sign in again. Their records and the
                audit log stay.
              </Text>
              <Group>
                <Button
                  color="red"
                  onClick={() =>
                    void run(() => usersApi.disable(person.id), "Disabled.").then(() => {
                      setConfirmingDisable(false);
                    })
                  }
                >
                  Yes, disable
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    setConfirmingDisable(false);
                  }}
                >
                  Keep it
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
      </Stack>
    </Modal>
  );
}
