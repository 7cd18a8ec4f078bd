/**
 * Ingest keys: the credentials a school's senders (filter connectors, agents, the browser
 * extension) post events with. A new key's secret is shown once; revoking stops its sender.
 */
import { Alert, Button, Code, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { IngestKeyCreateSchema } from "../../../../src/contracts/console-settings.contract.js";
import { settingsApi } from "../../api/settings.js";
import { formatDateTime } from "../../components/format.js";
import { QueryState } from "../../components/query-state.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";

/** The ingest keys tab. */
export function IngestKeysPanel() {
  const { schoolId } = useSchool();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["ingest-keys", schoolId],
    queryFn: () => settingsApi.ingestKeys(schoolId),
  });
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const errors = useFieldErrors();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["ingest-keys", schoolId] });
  const revoke = useMutation({
    mutationFn: (keyId: string) => settingsApi.revokeIngestKey(schoolId, keyId),
    onSuccess: refresh,
  });

  const create = async (event: SyntheticEvent) => {
    event.preventDefault();
    const input = errors.validate(IngestKeyCreateSchema, { name });
    if (!input) return;
    try {
      const created = await settingsApi.createIngestKey(schoolId, input.name);
      setSecret(created.secret);
      setName("");
      await refresh();
    } catch (error) {
      errors.showError(error);
    }
  };

  return (
    <Stack>
      {secret ? (
        <Alert color="green" title="Key made: copy it now" variant="light" c="dark">
          <Text>This is the only time the key is shown. Put it in the sender&apos;s configuration.</Text>
          <Code block>{secret}</Code>
        </Alert>
      ) : null}
      <form onSubmit={(event) => void create(event)} noValidate aria-label="Make an ingest key">
        <Group align="flex-end">
          <TextInput
            label="Sender's name"
            description="Which sender will use the key, e.g. Squid proxy"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.fields.name ?? errors.formError}
            w={320}
          />
          <Button type="submit">Make a key</Button>
        </Group>
      </form>
      <QueryState query={query} label="the ingest keys">
        {(data) =>
          data.keys.length === 0 ? (
            <Text>No ingest keys yet.</Text>
          ) : (
            <Table aria-label="Ingest keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Key starts</Table.Th>
                  <Table.Th>Made</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.keys.map((key) => (
                  <Table.Tr key={key.id}>
                    <Table.Td>{key.name}</Table.Td>
                    <Table.Td>
                      <Code>{key.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      {formatDateTime(key.createdAt)} by {key.createdBy}
                    </Table.Td>
                    <Table.Td>{formatDateTime(key.lastUsedAt)}</Table.Td>
                    <Table.Td>
                      {key.revokedAt ? (
                        `Revoked ${formatDateTime(key.revokedAt)}`
                      ) : (
                        <Button
                          variant="outline"
                          color="red.9"
                          size="xs"
                          loading={revoke.isPending && revoke.variables === key.id}
                          onClick={() => revoke.mutate(key.id)}
                          aria-label={`Revoke the key ${key.name}`}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Stack>
  );
}
