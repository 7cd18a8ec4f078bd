/**
 * The termly access review: who holds which roles, what pupil data that lets them see, live grants
 * beyond a role, and the accounts that need a look, in plain words. The reviewer signs off the
 * exact copy they read; if access changed meanwhile the server refuses and they reload.
 */
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { AccessReviewSignOffSchema } from "../../../../src/contracts/access-governance.contract.js";
import type { ReviewFlag } from "../../../../src/contracts/access-governance.contract.js";
import { accessApi, type AccessReviewResponse } from "../../api/access.js";
import { ApiError } from "../../api/client.js";
import { formatDateTime } from "../../components/format.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";
import { actionLabel, flagLabels, formatDate } from "./access-labels.js";

/** The access review page. */
export function AccessReviewPage() {
  const { schoolId } = useSchool();
  const query = useQuery({
    queryKey: ["access-review", schoolId],
    queryFn: () => accessApi.review(schoolId),
  });
  return (
    <Stack>
      <PageTitle>Access review</PageTitle>
      <QueryState query={query} label="the access review">
        {(review) => <Review schoolId={schoolId} review={review} />}
      </QueryState>
    </Stack>
  );
}

function summary(review: AccessReviewResponse): string {
  const { report } = review;
  const flaggedPeople = report.people.filter((person) => person.flags.length > 0).length;
  const last = report.lastSignOff
    ? `last signed off ${formatDate(report.lastSignOff.signedAt)} by ${report.lastSignOff.reviewer}`
    : "never signed off";
  const due = report.due ? "a review is due" : "not due yet";
  return `${plural(report.people.length, "person", "people")} with access, ${plural(flaggedPeople, "person", "people")} flagged; ${last}; ${due}.`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function Review({ schoolId, review }: { schoolId: string; review: AccessReviewResponse }) {
  const { report } = review;
  const flagCounts = Object.entries(report.flagged) as [ReviewFlag, number][];
  return (
    <>
      <Text fw={700}>{summary(review)}</Text>
      {flagCounts.length > 0 ? (
        <ul aria-label="Flags">
          {flagCounts.map(([flag, count]) => (
            <li key={flag}>
              {flagLabels[flag]}: {plural(count, "person", "people")}
            </li>
          ))}
        </ul>
      ) : null}
      <Table striped aria-label="People with access">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>Pupil data they can see</Table.Th>
            <Table.Th>Access beyond their role</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            <Table.Th>Flags</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.people.map((person) => (
            <Table.Tr key={person.userId}>
              <Table.Td>
                {person.name}
                <Text size="sm" c="dimmed">
                  {person.email}
                </Text>
              </Table.Td>
              <Table.Td>{person.roles.join(", ")}</Table.Td>
              <Table.Td>{person.restricted.map(actionLabel).join("; ") || "none"}</Table.Td>
              <Table.Td>
                {person.grants
                  .map((grant) => `${actionLabel(grant.action)} until ${formatDate(grant.until)}`)
                  .join("; ") || "none"}
              </Table.Td>
              <Table.Td>{formatDateTime(person.lastSignInAt)}</Table.Td>
              <Table.Td>
                {person.flags.length === 0 ? (
                  "none"
                ) : (
                  <Stack gap={2}>
                    {person.flags.map((flag) => (
                      <Text key={flag} size="sm" fw={600} c="#9c4a00">
                        {flagLabels[flag]}
                      </Text>
                    ))}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <SignOffForm schoolId={schoolId} reportSha256={review.reportSha256} />
      {review.signOffs.length > 0 ? (
        <>
          <Title order={2} size="h3">
            Past sign-offs
          </Title>
          <Table striped aria-label="Past sign-offs, newest first">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Signed</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.signOffs.map((signOff) => (
                <Table.Tr key={signOff.id}>
                  <Table.Td>{formatDateTime(signOff.signed_at)}</Table.Td>
                  <Table.Td>{signOff.reviewer}</Table.Td>
                  <Table.Td>{signOff.note ?? ""}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </>
  );
}

function SignOffForm({ schoolId, reportSha256 }: { schoolId: string; reportSha256: string }) {
  const client = useQueryClient();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [signed, setSigned] = useState(false);
  const errors = useFieldErrors();

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setSigned(false);
    const input = errors.validate(AccessReviewSignOffSchema, {
      reportSha256,
      note: note.trim() || undefined,
    });
    if (!input) return;
    setBusy(true);
    try {
      await accessApi.signOff(schoolId, input);
      setNote("");
      setSigned(true);
      await client.invalidateQueries({ queryKey: ["access-review", schoolId] });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        errors.showError(new Error("Access has changed; reload the review and check it again."));
      } else errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="sign-off">
      <Stack maw={560}>
        <Title order={2} size="h3" id="sign-off">
          Sign off
        </Title>
        {signed ? (
          <Alert color="blue" role="status" title="Signed off">
            The review is signed off for this term.
          </Alert>
        ) : null}
        {errors.formError ? (
          <Alert color="red" role="alert" title="Not signed off">
            {errors.formError}
          </Alert>
        ) : null}
        <TextInput
          label="Note (optional)"
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
          }}
          error={errors.fields.note}
        />
        <Group>
          <Button type="submit" loading={busy}>
            Sign off this review
          </Button>
          {errors.formError ? (
            <Button
              variant="outline"
              onClick={() => {
                errors.clear();
                void client.invalidateQueries({ queryKey: ["access-review", schoolId] });
              }}
            >
              Reload the review
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
