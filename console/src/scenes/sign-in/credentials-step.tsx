/**
 * Step one of signing in: email and password, checked with the API's own contract first, or single
 * sign-on with a provider that serves the address typed.
 */
import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useState, type SyntheticEvent } from "react";
import { SignInRequestSchema } from "../../../../src/contracts/identity.contract.js";
import { authApi } from "../../api/auth.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { SsoChoices } from "./sso-choices.js";

/** Calls `onSignedIn` once the password is accepted. */
export function CredentialsStep({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors();

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const input = errors.validate(SignInRequestSchema, { email, password });
    if (!input) return;
    setBusy(true);
    try {
      await authApi.signIn(input);
      await onSignedIn();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        {errors.formError ? (
          <Alert color="red" role="alert" title="Not signed in">
            {errors.formError}
          </Alert>
        ) : null}
        <TextInput
          label="Email address"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={errors.fields.email}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={errors.fields.password}
        />
        <Button type="submit" loading={busy}>
          Sign in
        </Button>
        <SsoChoices email={email} />
      </Stack>
    </form>
  );
}
