/**
 * My account: who I am, my roles in each school, whether my sessions use a second factor, and
 * where I am signed in. I can end any other session (a lost phone, a shared computer) or sign
 * out everywhere at once, after a confirmation.
 */
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { MeResponse } from "../../../../src/contracts/identity.contract.js";
import { ApiError } from "../../api/client.js";
import { formatDateTime } from "../../components/format.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useMe } from "../../hooks/use-me.js";
import { roleName } from "../users/role-names.js";
import { accountApi, type MySession } from "./account-api.js";

const secondFactorWords: Record<MeResponse["secondFactor"], string> = {
  verified: "On: this session was confirmed with a code from your authenticator app.",
  "not-enrolled": "Off: none of your roles requires it.",
  "enrol-required": "Required but not set up yet.",
  "verify-required": "On, waiting for a code for this session.",
};

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  return error instanceof Error ? error.message : "Something went wrong.";
}

function SessionsTable(props: { sessions: MySession[]; onEnd: (session: MySession) => void }) {
  return (
    <Table striped aria-label="My open sessions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Signed in</Table.Th>
          <Table.Th>Last seen</Table.Th>
          <Table.Th>IP address</Table.Th>
          <Table.Th>Browser</Table.Th>
          <Table.Th>Session</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.sessions.map((session) => (
          <Table.Tr key={session.id}>
            <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
            <Table.Td>{formatDateTime(session.lastSeenAt)}</Table.Td>
            <Table.Td>{session.ip ?? "unknown"}</Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2} maw={360}>
                {session.userAgent ?? "unknown"}
              </Text>
            </Table.Td>
            <Table.Td>
              {session.current ? (
                <Badge variant="light" c="dark">
                  This session
                </Badge>
              ) : (
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`End the session signed in ${formatDateTime(session.createdAt)} from ${session.ip ?? "an unknown address"}`}
                  onClick={() => {
                    props.onEnd(session);
                  }}
                >
                  End
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The "My account" page. */
export function MyAccountPage() {
  const { data: me } = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const sessions = useQuery({ queryKey: ["my-sessions"], queryFn: () => accountApi.sessions() });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const end = async (session: MySession) => {
    setProblem(null);
    setDone(null);
    try {
      await accountApi.endSession(session.id);
      setDone(`The session from ${session.ip ?? "an unknown address"} has ended.`);
      await client.invalidateQueries({ queryKey: ["my-sessions"] });
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  const signOutEverywhere = async () => {
    setProblem(null);
    try {
      await accountApi.signOutEverywhere();
      client.clear();
      void navigate("/sign-in?signedOut=1");
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  if (!me) return null;
  return (
    <Stack>
      <PageTitle>My account</PageTitle>
      <Stack gap={4}>
        <Text>
          <strong>Name:</strong> {me.user.name}
        </Text>
        <Text>
          <strong>Email address:</strong> {me.user.email}
        </Text>
        <Text>
          <strong>Two-factor sign-in:</strong> {secondFactorWords[me.secondFactor]}
        </Text>
      </Stack>

      <Title order={2} size="h3">
        My roles
      </Title>
      <Table aria-label="My roles by school">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>School</Table.Th>
            <Table.Th>Roles</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {me.schools.map((school) => (
            <Table.Tr key={school.schoolId}>
              <Table.Td>{school.name}</Table.Td>
              <Table.Td>{school.roles.map(roleName).join(", ") || "none"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={2} size="h3">
        Where I am signed in
      </Title>
      {problem ? (
        <Alert color="red" role="alert" title="Not done">
          {problem}
        </Alert>
      ) : null}
      {done ? (
        <Alert color="green" role="status">
          {done}
        </Alert>
      ) : null}
      <QueryState query={sessions} label="sessions">
        {(data) => <SessionsTable sessions={data.sessions} onEnd={(session) => void end(session)} />}
      </QueryState>
      {confirming ? (
        <Alert color="red" title="Sign out everywhere?">
          <Stack>
            <Text size="sm">
              Every session ends, this one too. You will need your password to sign in again.
            </Text>
            <Group>
              <Button color="red" onClick={() => void signOutEverywhere()}>
                Yes, sign out everywhere
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setConfirming(false);
                }}
              >
                Cancel
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        <Group>
          <Button
            color="red"
            variant="outline"
            onClick={() => {
              setConfirming(true);
            }}
          >
            Sign out everywhere
          </Button>
        </Group>
      )}
    </Stack>
  );
}
