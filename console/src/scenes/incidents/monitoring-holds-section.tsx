/**
 * The monitoring holds an incident placed (marking evidence as suspected CSAM holds the device's
 * and pupil's records from retention for the police). While a hold is in force nothing of theirs is
 * ever purged, so a lead who manages incidents can release it, with a reason, once the
 * investigation no longer needs it; the hold then shows as released, with when, by whom and why.
 */
import { Alert, Badge, Button, Modal, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MonitoringHoldReleaseSchema } from "../../../../src/contracts/monitoring-hold.contract.js";
import { monitoringHoldsApi, type MonitoringHold } from "../../api/monitoring-holds.js";
import { formatDateTime } from "../../components/format.js";
import { QueryState } from "../../components/query-state.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";

/** The section; nothing at all when the incident placed no hold. */
export function MonitoringHoldsSection({ incidentId }: { incidentId: string }) {
  const { schoolId, can } = useSchool();
  const [releasing, setReleasing] = useState<MonitoringHold | null>(null);
  const [released, setReleased] = useState<MonitoringHold | null>(null);
  const query = useQuery({
    queryKey: ["monitoring-holds", schoolId, incidentId],
    queryFn: () => monitoringHoldsApi.forIncident(schoolId, incidentId),
  });
  return (
    <QueryState query={query} label="the monitoring holds">
      {({ holds }) =>
        holds.length === 0 ? null : (
          <Stack>
            <Title order={2} size="h3" id="monitoring-holds">
              Monitoring holds
            </Title>
            <Text size="sm">
              While a hold is in force, these records are kept from retention for the investigation.
            </Text>
            {released ? (
              <Alert color="green" role="status">
                Hold on {covers(released)} released. Its records follow the normal retention period again.
              </Alert>
            ) : null}
            <Table aria-labelledby="monitoring-holds">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Covers</Table.Th>
                  <Table.Th>Since</Table.Th>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {holds.map((hold) => (
                  <Table.Tr key={hold.id}>
                    <Table.Td>{covers(hold)}</Table.Td>
                    <Table.Td>{formatDateTime(hold.created_at)}</Table.Td>
                    <Table.Td>{hold.reason}</Table.Td>
                    <Table.Td>
                      {hold.released_at ? (
                        <Text size="sm">
                          <Badge variant="light" color="gray">
                            Released
                          </Badge>{" "}
                          {formatDateTime(hold.released_at)} by {hold.released_by ?? "?"}:{" "}
                          {hold.release_reason ?? ""}
                        </Text>
                      ) : (
                        <Stack gap="xs" align="flex-start">
                          <Badge color="#8a1c1c">In force</Badge>
                          {can("incidents.manage") ? (
                            <Button
                              size="xs"
                              variant="outline"
                              aria-label={`Release hold on ${covers(hold)}`}
                              onClick={() => {
                                setReleased(null);
                                setReleasing(hold);
                              }}
                            >
                              Release hold
                            </Button>
                          ) : null}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <ReleaseHoldDialog
              schoolId={schoolId}
              incidentId={incidentId}
              hold={releasing}
              onClose={() => {
                setReleasing(null);
              }}
              onReleased={(hold) => {
                setReleasing(null);
                setReleased(hold);
              }}
            />
          </Stack>
        )
      }
    </QueryState>
  );
}

/** "device LAPTOP-7 and user sam.p". */
function covers(hold: MonitoringHold): string {
  const parts = [
    ...(hold.device ? [`device ${hold.device}`] : []),
    ...(hold.user_name ? [`user ${hold.user_name}`] : []),
  ];
  return parts.join(" and ") || "no device or user";
}

function ReleaseHoldDialog(props: {
  schoolId: string;
  incidentId: string;
  hold: MonitoringHold | null;
  onClose: () => void;
  onReleased: (hold: MonitoringHold) => void;
}) {
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const errors = useFieldErrors();
  const release = useMutation({
    mutationFn: (input: { holdId: string; reason: string }) =>
      monitoringHoldsApi.release(props.schoolId, input.holdId, { reason: input.reason }),
    onSuccess: async ({ hold }) => {
      // The release is on the incident's chronology too.
      await Promise.all([
        client.invalidateQueries({ queryKey: ["monitoring-holds", props.schoolId, props.incidentId] }),
        client.invalidateQueries({ queryKey: ["incident", props.schoolId, props.incidentId] }),
      ]);
      setReason("");
      errors.clear();
      props.onReleased(hold);
    },
    onError: (error) => {
      errors.showError(error);
    },
  });
  const close = () => {
    setReason("");
    errors.clear();
    props.onClose();
  };
  return (
    <Modal
      opened={props.hold !== null}
      onClose={close}
      title="Release the monitoring hold"
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const input = errors.validate(MonitoringHoldReleaseSchema, { reason });
          if (input && props.hold) release.mutate({ holdId: props.hold.id, reason: input.reason });
        }}
      >
        <Stack>
          <Text>
            Releasing the hold on {props.hold ? covers(props.hold) : ""} lets retention delete these records
            when their time comes. Only release it once the police no longer need them.
          </Text>
          <Textarea
            label="Why the hold can end"
            description="For example: the police closed the case. Kept in the audit log."
            required
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
            }}
            error={errors.fields.reason}
          />
          {errors.formError ? (
            <Alert color="red" role="alert">
              {errors.formError}
            </Alert>
          ) : null}
          <Button type="submit" color="red" loading={release.isPending}>
            Release hold
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
