/**
 * "Sign in with <provider>" for the address typed so far: the school's single sign-on providers
 * that serve its domain. A button leaves the console for the provider with a full page load (the
 * start address redirects there), so it is a navigation, never a fetch.
 */
import { Button, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { emailSchema } from "../../../../src/contracts/identity.contract.js";
import { authApi } from "../../api/auth.js";

const addressSchema = emailSchema("The email address");
// Ask once typing pauses, not on every key.
const pauseMs = 300;

/** The provider buttons for `email`, or nothing while it is not yet an address or none serves it. */
export function SsoChoices({ email }: { email: string }) {
  const [settled, setSettled] = useState("");
  useEffect(() => {
    const parsed = addressSchema.safeParse(email.trim());
    const next = parsed.success ? parsed.data : "";
    const timer = setTimeout(() => {
      setSettled(next);
    }, pauseMs);
    return () => {
      clearTimeout(timer);
    };
  }, [email]);
  const providers = useQuery({
    queryKey: ["sso-providers", settled],
    queryFn: () => authApi.ssoProviders(settled),
    enabled: settled !== "",
    retry: false,
    staleTime: 60_000,
  });
  const choices = settled === "" ? [] : (providers.data?.providers ?? []);
  if (choices.length === 0) return null;
  return (
    <Stack gap="xs" aria-label="Single sign-on" role="group">
      <Text size="sm">Or sign in with your school account:</Text>
      {choices.map((provider) => (
        <Button
          key={provider.id}
          variant="outline"
          data-provider-id={provider.id}
          onClick={() => {
            window.location.assign(provider.startUrl);
          }}
        >
          Sign in with {provider.label}
        </Button>
      ))}
    </Stack>
  );
}
