/**
 * Access requests: anyone with a role asks for access beyond it (what, about whom, why, until
 * when), sees their own requests and may withdraw one still waiting; the SIRO also sees every
 * pending request of the school and approves or refuses it with a reason.
 */
import { Alert, Button, Card, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { accessApi, type AccessRequest } from "../../api/access.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useMe } from "../../hooks/use-me.js";
import { useSchool } from "../../hooks/use-school.js";
import { actionLabel, formatDate, statusLabels } from "./access-labels.js";
import { AskForAccessForm } from "./ask-for-access-form.js";
import { DecideRequestForm } from "./decide-request-form.js";

/** The access requests page. */
export function AccessRequestsPage() {
  const { schoolId } = useSchool();
  const me = useMe();
  const client = useQueryClient();
  const queryKey = ["access-requests", schoolId];
  const query = useQuery({ queryKey, queryFn: () => accessApi.requests(schoolId) });
  const refresh = () => client.invalidateQueries({ queryKey });
  const myId = me.data?.user.id;

  return (
    <Stack>
      <PageTitle>Access requests</PageTitle>
      <Text maw={720}>
        Ask here when your work needs access your role does not give, for a while. The senior information risk
        owner decides, and the access ends on the date given.
      </Text>
      <AskForAccessForm schoolId={schoolId} onAsked={refresh} />
      <QueryState query={query} label="access requests">
        {({ requests, canDecide }) => {
          const mine = requests.filter((request) => request.requester.id === myId);
          const waiting = requests.filter(
            (request) => request.status === "pending" && request.requester.id !== myId,
          );
          return (
            <>
              <Title order={2} size="h3">
                Your requests
              </Title>
              <MyRequests schoolId={schoolId} requests={mine} onChanged={refresh} />
              {canDecide ? (
                <>
                  <Title order={2} size="h3">
                    Waiting for your decision
                  </Title>
                  {waiting.length === 0 ? (
                    <Text>No requests are waiting.</Text>
                  ) : (
                    waiting.map((request) => (
                      <Card withBorder key={request.id} maw={720}>
                        <DecideRequestForm schoolId={schoolId} request={request} onDecided={refresh} />
                      </Card>
                    ))
                  )}
                </>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function MyRequests(props: { schoolId: string; requests: AccessRequest[]; onChanged: () => Promise<void> }) {
  const [problem, setProblem] = useState<string | null>(null);
  if (props.requests.length === 0) return <Text>You have not asked for access.</Text>;
  const withdraw = async (request: AccessRequest) => {
    setProblem(null);
    try {
      await accessApi.withdraw(props.schoolId, request.id);
      await props.onChanged();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The request could not be withdrawn.");
    }
  };
  return (
    <>
      {problem ? (
        <Alert color="red" role="alert" title="Not withdrawn">
          {problem}
        </Alert>
      ) : null}
      <Table striped aria-label="Your requests, newest first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>What</Table.Th>
            <Table.Th>About</Table.Th>
            <Table.Th>Until</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Decision</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.requests.map((request) => (
            <Table.Tr key={request.id}>
              <Table.Td>{actionLabel(request.action)}</Table.Td>
              <Table.Td>{request.subject ?? "anyone"}</Table.Td>
              <Table.Td>{formatDate(request.decision?.grantedUntil ?? request.requestedUntil)}</Table.Td>
              <Table.Td>{statusLabels[request.status]}</Table.Td>
              <Table.Td>
                {request.decision
                  ? `${request.decision.by ?? "Someone"}: ${request.decision.reason ?? ""}`
                  : "none yet"}
              </Table.Td>
              <Table.Td>
                {request.status === "pending" ? (
                  <Button
                    size="xs"
                    variant="outline"
                    aria-label={`Withdraw request to ${actionLabel(request.action).toLowerCase()}`}
                    onClick={() => void withdraw(request)}
                  >
                    Withdraw
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
