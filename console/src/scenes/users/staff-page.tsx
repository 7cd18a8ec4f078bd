/**
 * Staff: everyone who holds a role in this school, with their roles, last sign-in and whether
 * the account is locked, disabled or ends on a date. Administrators (`users.manage`) also add
 * people and change an account in a dialog; others only read the list.
 */
import { Alert, Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "../../components/format.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useSchool } from "../../hooks/use-school.js";
import { AddPersonForm } from "./add-person-form.js";
import { ManagePersonModal } from "./manage-person-modal.js";
import { roleName } from "./role-names.js";
import { usersApi, type StaffMember } from "./users-api.js";

function StatusBadges({ person, now }: { person: StaffMember; now: number }) {
  const expired = person.expiresAt !== null && new Date(person.expiresAt).getTime() <= now;
  return (
    <Group gap={4}>
      {person.disabled ? <Badge color="red">Disabled</Badge> : null}
      {person.locked ? <Badge color="orange">Locked</Badge> : null}
      {person.expiresAt ? (
        <Badge color={expired ? "red" : "yellow"} variant="light" c="dark">
          {expired ? "Ended" : "Ends"} {formatDateTime(person.expiresAt)}
        </Badge>
      ) : null}
      {!person.disabled && !person.locked && !person.expiresAt ? <Text size="sm">Active</Text> : null}
    </Group>
  );
}

/** The staff page. */
export function StaffPage() {
  const { schoolId, can } = useSchool();
  const manages = can("users.manage");
  const client = useQueryClient();
  const queryKey = ["staff", schoolId];
  const query = useQuery({ queryKey, queryFn: () => usersApi.list(schoolId) });
  const [managing, setManaging] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const reload = () => client.invalidateQueries({ queryKey });
  const person = query.data?.users.find((user) => user.id === managing);

  return (
    <Stack>
      <PageTitle>Staff</PageTitle>
      <QueryState query={query} label="staff">
        {({ users }) => (
          <Table striped aria-label="Staff accounts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Roles</Table.Th>
                <Table.Th>Last sign-in</Table.Th>
                <Table.Th>Status</Table.Th>
                {manages ? (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>{user.name}</Table.Td>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>
                    {user.roles
                      .filter((entry) => entry.schoolId === schoolId)
                      .map((entry) => roleName(entry.role))
                      .join(", ")}
                  </Table.Td>
                  <Table.Td>{formatDateTime(user.lastSignInAt)}</Table.Td>
                  <Table.Td>
                    <StatusBadges person={user} now={query.dataUpdatedAt} />
                  </Table.Td>
                  {manages ? (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Manage ${user.name}`}
                        onClick={() => {
                          setManaging(user.id);
                        }}
                      >
                        Manage
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {added ? (
        <Alert color="green" role="status">
          {added} can now sign in with the first password you gave them.
        </Alert>
      ) : null}
      {manages ? (
        <AddPersonForm
          schoolId={schoolId}
          onAdded={async (email) => {
            setAdded(email);
            await reload();
          }}
        />
      ) : null}
      {person ? (
        <ManagePersonModal
          key={person.id}
          person={person}
          schoolId={schoolId}
          onClose={() => {
            setManaging(null);
          }}
          onChanged={reload}
        />
      ) : null}
    </Stack>
  );
}
