/**
 * Adding a person: their first role in this school and a first password. The form checks with
 * the API's own contract (including the password policy) and shows each message by its field.
 */
import { Alert, Button, PasswordInput, Select, Stack, TextInput, Title } from "@mantine/core";
import { useState, type SyntheticEvent } from "react";
import { CreateUserRequestSchema } from "../../../../src/contracts/identity-admin.contract.js";
import { passwordMinLength } from "../../../../src/contracts/limits.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { roleOptions } from "./role-names.js";
import { usersApi } from "./users-api.js";

const empty = { name: "", email: "", password: "" };

/** The "Add a person" form; `onAdded` runs after the account exists. */
export function AddPersonForm(props: { schoolId: string; onAdded: (email: string) => Promise<void> }) {
  const [form, setForm] = useState(empty);
  const [role, setRole] = useState<string | null>("teacher");
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors();
  const set = (key: keyof typeof empty) => (event: { currentTarget: { value: string } }) => {
    setForm({ ...form, [key]: event.currentTarget.value });
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const input = errors.validate(CreateUserRequestSchema, { ...form, schoolId: props.schoolId, role });
    if (!input) return;
    setBusy(true);
    try {
      await usersApi.create(input);
      setForm(empty);
      await props.onAdded(input.email);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-person">
      <Stack maw={560}>
        <Title order={2} size="h3" id="add-person">
          Add a person
        </Title>
        {errors.formError ? (
          <Alert color="red" role="alert" title="Not added">
            {errors.formError}
          </Alert>
        ) : null}
        <TextInput
          label="Name"
          required
          value={form.name}
          onChange={set("name")}
          error={errors.fields.name}
        />
        <TextInput
          label="Email address"
          type="email"
          required
          value={form.email}
          onChange={set("email")}
          error={errors.fields.email}
        />
        <PasswordInput
          label="First password"
          description={`At least ${String(passwordMinLength)} characters; a few unrelated words make a strong one. Give it to the person privately.`}
          required
          autoComplete="new-password"
          value={form.password}
          onChange={set("password")}
          error={errors.fields.password}
        />
        <Select
          label="Role in this school"
          required
          data={roleOptions}
          value={role}
          onChange={setRole}
          allowDeselect={false}
          error={errors.fields.role}
        />
        <Button type="submit" loading={busy}>
          Add person
        </Button>
      </Stack>
    </form>
  );
}
