/**
 * Routing and escalation settings: which alerts go to whom, in what order, and how long each
 * person has to acknowledge before the next is told. The form checks with the API's own contract
 * (a loop in the chain, a deadline under a minute) and shows the server's reasons by field.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import {
  PolicyInputSchema,
  defaultDeadlines,
  severities,
} from "../../../../src/contracts/notification.contract.js";
import { CATEGORIES } from "../../../../src/detection/rule.js";
import {
  AGE_GROUPS,
  AGE_GROUP_LABELS,
  AGE_GROUP_NAMES,
  isAgeGroup,
} from "../../../../src/directory/age-group.js";
import { notificationsApi } from "../../api/notifications.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";

/** The routing and escalation page. */
export function EscalationPage() {
  const { schoolId } = useSchool();
  const client = useQueryClient();
  const policies = useQuery({
    queryKey: ["notification-policies", schoolId],
    queryFn: () => notificationsApi.policies(schoolId),
  });
  const contacts = useQuery({
    queryKey: ["notification-contacts", schoolId],
    queryFn: () => notificationsApi.contacts(schoolId),
  });
  const [name, setName] = useState("");
  const [categories, setCategories] = useState<string[]>([]);
  const [ageGroups, setAgeGroups] = useState<string[]>([]);
  const [minSeverity, setMinSeverity] = useState<string | null>("4");
  const [atOnce, setAtOnce] = useState(false);
  const [aboutStaff, setAboutStaff] = useState(false);
  const [chain, setChain] = useState<string[]>([]);
  const [deadlines, setDeadlines] = useState<Record<string, number | string>>({ ...defaultDeadlines });
  const errors = useFieldErrors();
  const contactName = (id: string) => contacts.data?.contacts.find((c) => c.id === id)?.name ?? id;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const input = errors.validate(PolicyInputSchema, {
      name,
      categories,
      ageGroups,
      minSeverity: Number(minSeverity),
      atOnce,
      aboutStaff,
      chain,
      deadlines: Object.fromEntries(
        Object.entries(deadlines).map(([severity, minutes]) => [severity, Number(minutes)]),
      ),
    });
    if (!input) return;
    try {
      await notificationsApi.addPolicy(schoolId, input);
      setName("");
      setChain([]);
      await client.invalidateQueries({ queryKey: ["notification-policies", schoolId] });
    } catch (error) {
      errors.showError(error);
    }
  };

  return (
    <Stack>
      <PageTitle>Routing and escalation</PageTitle>
      <QueryState query={policies} label="policies">
        {(data) => (
          <Table striped aria-label="Routing and escalation policies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Policy</Table.Th>
                <Table.Th>Categories</Table.Th>
                <Table.Th>Age groups</Table.Th>
                <Table.Th>Severity</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Chain</Table.Th>
                <Table.Th>Deadlines (minutes)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.policies.map((policy) => (
                <Table.Tr key={policy.id}>
                  <Table.Td>{policy.name}</Table.Td>
                  <Table.Td>{policy.categories.join(", ") || "all"}</Table.Td>
                  <Table.Td>
                    {policy.ageGroups
                      .map((group) => (isAgeGroup(group) ? AGE_GROUP_NAMES[group] : group))
                      .join(", ") || "all"}
                    {policy.aboutStaff ? "; only alerts about a member of staff" : ""}
                  </Table.Td>
                  <Table.Td>{policy.minSeverity}+</Table.Td>
                  <Table.Td>{policy.atOnce ? "at once, day or night" : "working hours"}</Table.Td>
                  <Table.Td>{policy.chain.map(contactName).join(" → ")}</Table.Td>
                  <Table.Td>
                    {Object.entries(policy.deadlines)
                      .map(([severity, minutes]) => `${severity}: ${String(minutes)}`)
                      .join(", ")}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-policy">
        <Stack maw={640}>
          <Title order={2} size="h3" id="add-policy">
            Add a policy
          </Title>
          {errors.formError ? (
            <Alert color="red" role="alert" title="Not added">
              {errors.formError}
            </Alert>
          ) : null}
          <TextInput
            label="Policy name"
            required
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
            }}
            error={errors.fields.name}
          />
          <MultiSelect
            label="Categories (none: every category)"
            data={[...CATEGORIES]}
            value={categories}
            onChange={setCategories}
            error={errors.fields.categories}
          />
          <MultiSelect
            label="Age groups (none: everyone)"
            description="From the pupil directory. An alert about someone it does not place matches only policies with no age groups."
            data={AGE_GROUPS.map((value) => ({ value, label: AGE_GROUP_LABELS[value] }))}
            value={ageGroups}
            onChange={setAgeGroups}
            error={
              errors.fields.ageGroups ??
              Object.entries(errors.fields).find(([path]) => path.startsWith("ageGroups"))?.[1]
            }
          />
          <Select
            label="Lowest severity"
            data={[...severities]}
            value={minSeverity}
            onChange={setMinSeverity}
            error={errors.fields.minSeverity}
          />
          <Checkbox
            label="Only alerts about a member of staff"
            description="A user name the directory holds for a member of staff, e.g. to tell the head."
            checked={aboutStaff}
            onChange={(event) => {
              setAboutStaff(event.currentTarget.checked);
            }}
          />
          <Checkbox
            label="At once, day or night (ignore working hours)"
            checked={atOnce}
            onChange={(event) => {
              setAtOnce(event.currentTarget.checked);
            }}
          />
          <MultiSelect
            label="Escalation chain, in order"
            data={(contacts.data?.contacts ?? []).map((contact) => ({
              value: contact.id,
              label: contact.name,
            }))}
            value={chain}
            onChange={setChain}
            error={
              errors.fields.chain ??
              Object.entries(errors.fields).find(([path]) => path.startsWith("chain"))?.[1]
            }
          />
          <Group grow>
            {severities.map((severity) => (
              <NumberInput
                key={severity}
                label={`Deadline at severity ${severity} (minutes)`}
                // No min: a clamped value would hide a mistake; the contract names it instead.
                value={deadlines[severity]}
                onChange={(value) => {
                  setDeadlines({ ...deadlines, [severity]: value });
                }}
                error={errors.fields[`deadlines.${severity}`]}
              />
            ))}
          </Group>
          <Button type="submit">Add policy</Button>
        </Stack>
      </form>
    </Stack>
  );
}
