/**
 * The school's changes to the phrase library: local additions (a phrase of its own), allowed terms
 * (a phrase never to flag) and suppressions (a rule silenced, optionally on one site). The server
 * checks each change against the library and names any field that is wrong.
 */
import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import type { DetectionOverrideCreate } from "../../../../src/contracts/detection-override.contract.js";
import { settingsApi, type DetectionOverrideView } from "../../api/settings.js";
import { formatDateTime } from "../../components/format.js";
import { QueryState } from "../../components/query-state.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";

const kinds = [
  { value: "local-term", label: "Add a phrase to flag" },
  { value: "allowed-term", label: "Never flag a phrase" },
  { value: "suppression", label: "Silence a rule" },
];

/** The local changes tab. */
export function OverridesPanel() {
  const { schoolId, can } = useSchool();
  const query = useQuery({
    queryKey: ["overrides", schoolId],
    queryFn: () => settingsApi.overrides(schoolId),
  });
  const [ending, setEnding] = useState<DetectionOverrideView | null>(null);
  return (
    <Stack>
      {can("detection.manage") ? <AddOverrideForm schoolId={schoolId} /> : null}
      <Title order={2} size="h3">
        In force and ended
      </Title>
      <QueryState query={query} label="the school's changes">
        {(data) =>
          data.overrides.length === 0 ? (
            <Text>This school has not changed the phrase library.</Text>
          ) : (
            <Table aria-label="The school's changes to the phrase library">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Change</Table.Th>
                  <Table.Th>Why</Table.Th>
                  <Table.Th>Made</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.overrides.map((override) => (
                  <Table.Tr key={override.id}>
                    <Table.Td>{describe(override)}</Table.Td>
                    <Table.Td>{override.reason}</Table.Td>
                    <Table.Td>
                      {formatDateTime(override.createdAt)} by {override.createdBy}
                    </Table.Td>
                    <Table.Td>
                      {override.revokedAt ? (
                        `Ended ${formatDateTime(override.revokedAt)}`
                      ) : can("detection.manage") ? (
                        <Button size="xs" variant="outline" onClick={() => setEnding(override)}>
                          End
                        </Button>
                      ) : (
                        "In force"
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <EndOverrideDialog schoolId={schoolId} override={ending} onClose={() => setEnding(null)} />
    </Stack>
  );
}

function describe(override: DetectionOverrideView): string {
  if (override.kind === "local-term") {
    return `Flag "${override.phrase ?? ""}" as ${override.category ?? ""} (weight ${override.weight ?? 0}, severity ${override.severity ?? 0})`;
  }
  if (override.kind === "allowed-term") return `Never flag "${override.phrase ?? ""}"`;
  return `Silence ${override.ruleId ?? ""}${override.site ? ` on ${override.site}` : ""}${override.user ? ` for ${override.user}` : ""}`;
}

function AddOverrideForm({ schoolId }: { schoolId: string }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState("local-term");
  const [form, setForm] = useState({ phrase: "", category: "", ruleId: "", site: "", reason: "" });
  const [weight, setWeight] = useState<number | string>(100);
  const [severity, setSeverity] = useState<number | string>(3);
  const [saved, setSaved] = useState(false);
  const errors = useFieldErrors();
  const library = useQuery({
    queryKey: ["phrase-library", schoolId, "", ""],
    queryFn: () => settingsApi.phraseLibrary(schoolId, {}),
  });

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setSaved(false);
    const common = { reason: form.reason };
    const input = (
      kind === "local-term"
        ? {
            kind,
            phrase: form.phrase,
            category: form.category,
            weight: Number(weight),
            severity: Number(severity),
            ...common,
          }
        : kind === "allowed-term"
          ? { kind, phrase: form.phrase, ...common }
          : { kind, ruleId: form.ruleId, ...(form.site ? { site: form.site } : {}), ...common }
    ) as DetectionOverrideCreate;
    try {
      await settingsApi.createOverride(schoolId, input);
      errors.clear();
      setForm({ phrase: "", category: "", ruleId: "", site: "", reason: "" });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ["overrides", schoolId] });
    } catch (error) {
      errors.showError(error);
    }
  };
  const field = (name: keyof typeof form, label: string, description?: string) => (
    <TextInput
      label={label}
      description={description}
      value={form[name]}
      onChange={(event) => setForm({ ...form, [name]: event.currentTarget.value })}
      error={errors.fields[name]}
    />
  );

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label="Change the phrase library for this school"
    >
      <Title order={2} size="h3" mb="xs">
        Make a change
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={900}>
        <Select
          label="What to do"
          data={kinds}
          value={kind}
          onChange={(value) => setKind(value ?? "local-term")}
          allowDeselect={false}
        />
        {kind === "suppression"
          ? field("ruleId", "Rule id", "From the phrase library, e.g. en.violence.kill")
          : field("phrase", "Phrase", "A * may start or end it")}
        {kind === "local-term" ? (
          <>
            <Select
              label="Category"
              data={library.data?.categories.map((entry) => entry.category) ?? []}
              value={form.category || null}
              onChange={(value) => setForm({ ...form, category: value ?? "" })}
              error={errors.fields.category}
            />
            <NumberInput
              label="Weight"
              value={weight}
              onChange={setWeight}
              min={-100}
              max={200}
              error={errors.fields.weight}
            />
            <NumberInput
              label="Severity (1 to 5)"
              value={severity}
              onChange={setSeverity}
              min={1}
              max={5}
              error={errors.fields.severity}
            />
          </>
        ) : null}
        {kind === "suppression"
          ? field("site", "Only on this site (optional)", "A host name such as example.com")
          : null}
        {field("reason", "Why", "A few words, kept in the audit log")}
      </SimpleGrid>
      {errors.formError ? (
        <Text c="red.9" role="alert" mt="xs">
          {errors.formError}
        </Text>
      ) : null}
      {saved ? (
        <Text role="status" mt="xs">
          Saved: it applies to new events from now on.
        </Text>
      ) : null}
      <Group mt="md">
        <Button type="submit">Save the change</Button>
      </Group>
    </form>
  );
}

function EndOverrideDialog(props: {
  schoolId: string;
  override: DetectionOverrideView | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const errors = useFieldErrors();
  const end = useMutation({
    mutationFn: (id: string) => settingsApi.revokeOverride(props.schoolId, id, reason),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["overrides", props.schoolId] });
      setReason("");
      props.onClose();
    },
    onError: (error) => errors.showError(error),
  });
  return (
    <Modal
      opened={props.override !== null}
      onClose={props.onClose}
      title="End this change"
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (props.override) end.mutate(props.override.id);
        }}
        noValidate
      >
        <Stack>
          <Text>{props.override ? describe(props.override) : ""}</Text>
          <TextInput
            label="Why it is ending"
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.fields.reason ?? errors.formError}
          />
          <Button type="submit" loading={end.isPending}>
            End the change
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
