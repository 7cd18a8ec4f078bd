/**
 * Turning on two-factor sign-in when the account's roles need it: the secret for the
 * authenticator app, the first code to confirm it, then the recovery codes to keep.
 */
import { Alert, Button, Code, List, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { SecondFactorCodeSchema } from "../../../../src/contracts/identity.contract.js";
import { authApi } from "../../api/auth.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";

/** Calls `onEnrolled` once the recovery codes have been seen. */
export function EnrolStep({ onEnrolled }: { onEnrolled: () => Promise<void> }) {
  const enrol = useMutation({ mutationFn: () => authApi.enrol() });
  const [code, setCode] = useState("");
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const errors = useFieldErrors();

  if (recoveryCodes) {
    return (
      <Stack>
        <Text>Two-factor sign-in is on. Keep these recovery codes somewhere safe; each works once.</Text>
        <List>
          {recoveryCodes.map((recovery) => (
            <List.Item key={recovery}>
              <Code>{recovery}</Code>
            </List.Item>
          ))}
        </List>
        <Button onClick={() => void onEnrolled()}>I have kept them: continue</Button>
      </Stack>
    );
  }
  if (!enrol.data) {
    return (
      <Stack>
        <Text>Your roles show pupils&apos; information, so your account needs two-factor sign-in.</Text>
        {enrol.error ? (
          <Alert color="red" role="alert">
            {enrol.error.message}
          </Alert>
        ) : null}
        <Button loading={enrol.isPending} onClick={() => enrol.mutate()}>
          Set up two-factor sign-in
        </Button>
      </Stack>
    );
  }

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const input = errors.validate(SecondFactorCodeSchema, { code });
    if (!input) return;
    try {
      const result = await authApi.confirm(input.code);
      setRecoveryCodes(result.recoveryCodes);
    } catch (error) {
      errors.showError(error);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Text>Add an account to your authenticator app with this key, then enter the code it shows.</Text>
        <Code block aria-label="Authenticator key">
          {enrol.data.secret}
        </Code>
        {errors.formError ? (
          <Alert color="red" role="alert">
            {errors.formError}
          </Alert>
        ) : null}
        <TextInput
          label="Code from the app"
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={errors.fields.code}
        />
        <Button type="submit">Turn on two-factor sign-in</Button>
      </Stack>
    </form>
  );
}
