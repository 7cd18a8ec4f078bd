/** Step two of signing in: the six-digit code from the authenticator app (or a recovery code). */
import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useState, type SyntheticEvent } from "react";
import { SecondFactorCodeSchema } from "../../../../src/contracts/identity.contract.js";
import { authApi } from "../../api/auth.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";

/** Calls `onVerified` once the code is accepted. */
export function VerifyStep({ onVerified }: { onVerified: () => Promise<void> }) {
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors();

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const input = errors.validate(SecondFactorCodeSchema, { code });
    if (!input) return;
    setBusy(true);
    try {
      await authApi.verify(input.code);
      await onVerified();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text>Enter the code shown in your authenticator app, or one of your recovery codes.</Text>
        {errors.formError ? (
          <Alert color="red" role="alert" title="Code not accepted">
            {errors.formError}
          </Alert>
        ) : null}
        <TextInput
          label="Code"
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={errors.fields.code}
        />
        <Button type="submit" loading={busy}>
          Verify
        </Button>
      </Stack>
    </form>
  );
}
