/**
 * Signing in: email and password, then the second factor (a code from the authenticator app, or
 * enrolling one when the account's roles need it and it has none yet).
 */
import { Alert, Center, Loader, Paper, Stack, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { ssoRefusals } from "../../../../src/contracts/sso.contract.js";
import { meQueryKey, useMe } from "../../hooks/use-me.js";
import { CredentialsStep } from "./credentials-step.js";
import { EnrolStep } from "./enrol-step.js";
import { VerifyStep } from "./verify-step.js";

/** The sign-in page; which step shows follows the session's second-factor state. */
export function SignInPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get("next")?.startsWith("/s/") ? params.get("next")! : "/";
  const error = params.get("error");
  // A single sign-on that did not sign the person in comes back here with why (`?error=sso-...`).
  const refusal =
    error !== null && Object.hasOwn(ssoRefusals, error)
      ? ssoRefusals[error as keyof typeof ssoRefusals]
      : null;
  const state = me.data?.secondFactor;
  const done = state === "verified" || state === "not-enrolled";

  useEffect(() => {
    document.title = "Sign in · Vigil";
    if (done) void navigate(next, { replace: true });
  }, [done, navigate, next]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: meQueryKey });

  let step;
  if (me.isPending) step = <Loader aria-label="Loading" />;
  else if (state === "verify-required") step = <VerifyStep onVerified={refresh} />;
  else if (state === "enrol-required") step = <EnrolStep onEnrolled={refresh} />;
  else if (done) step = <Loader aria-label="Opening Vigil" />;
  else step = <CredentialsStep onSignedIn={refresh} />;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack>
          <Title order={1} size="h2">
            Sign in to Vigil
          </Title>
          {params.get("signedOut") ? <Alert color="blue">You have signed out.</Alert> : null}
          {refusal ? (
            <Alert color="red" role="alert" title="Not signed in with single sign-on">
              {refusal}
            </Alert>
          ) : null}
          {step}
        </Stack>
      </Paper>
    </Center>
  );
}
