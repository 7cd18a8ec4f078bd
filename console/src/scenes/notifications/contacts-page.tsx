/**
 * Notification settings: the people (and channels) a school's alerts can go to, with their
 * working hours and digests. A new webhook's signing secret is shown once, for its receiver.
 */
import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  MultiSelect,
  Stack,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { ContactInputSchema, weekdays } from "../../../../src/contracts/notification.contract.js";
import { notificationsApi } from "../../api/notifications.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";

const empty = {
  name: "",
  email: "",
  webhookUrl: "",
  start: "08:00",
  end: "17:00",
  timeZone: "Europe/London",
};

/** The notification settings page. */
export function NotificationContactsPage() {
  const { schoolId } = useSchool();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["notification-contacts", schoolId],
    queryFn: () => notificationsApi.contacts(schoolId),
  });
  const [form, setForm] = useState(empty);
  const [hoursOn, setHoursOn] = useState(false);
  const [days, setDays] = useState<string[]>(["mon", "tue", "wed", "thu", "fri"]);
  const [digests, setDigests] = useState<string[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const errors = useFieldErrors();
  const set = (key: keyof typeof empty) => (event: { currentTarget: { value: string } }) => {
    setForm({ ...form, [key]: event.currentTarget.value });
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const input = errors.validate(ContactInputSchema, {
      name: form.name,
      email: form.email || null,
      webhookUrl: form.webhookUrl || null,
      workingHours: hoursOn ? { days, start: form.start, end: form.end, timeZone: form.timeZone } : null,
      digests,
    });
    if (!input) return;
    try {
      const saved = await notificationsApi.addContact(schoolId, input);
      setSecret(saved.webhookSecret);
      setForm(empty);
      await client.invalidateQueries({ queryKey: ["notification-contacts", schoolId] });
    } catch (error) {
      errors.showError(error);
    }
  };

  return (
    <Stack>
      <PageTitle>Notification settings</PageTitle>
      <QueryState query={query} label="contacts">
        {({ contacts }) => (
          <Table striped aria-label="Contacts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Email</Table.Th>
                <Table.Th>Webhook</Table.Th>
                <Table.Th>Working hours</Table.Th>
                <Table.Th>Digests</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td>{contact.name}</Table.Td>
                  <Table.Td>{contact.email ?? "none"}</Table.Td>
                  <Table.Td>{contact.webhookUrl ?? "none"}</Table.Td>
                  <Table.Td>
                    {contact.workingHours
                      ? `${contact.workingHours.days.join(", ")} ${contact.workingHours.start} to ${contact.workingHours.end} (${contact.workingHours.timeZone})`
                      : "any time"}
                  </Table.Td>
                  <Table.Td>{contact.digests.join(", ") || "none"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {secret ? (
        <Alert color="yellow" title="Webhook signing secret (shown once)">
          Give this to the webhook's receiver to check the X-Vigil-Signature header: <Code>{secret}</Code>
        </Alert>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-contact">
        <Stack maw={560}>
          <Title order={2} size="h3" id="add-contact">
            Add a contact
          </Title>
          {errors.formError ? (
            <Alert color="red" role="alert" title="Not added">
              {errors.formError}
            </Alert>
          ) : null}
          <TextInput
            label="Name"
            required
            value={form.name}
            onChange={set("name")}
            error={errors.fields.name}
          />
          <TextInput
            label="Email address"
            type="email"
            value={form.email}
            onChange={set("email")}
            error={errors.fields.email}
          />
          <TextInput
            label="Webhook URL (Slack, Teams or your own)"
            value={form.webhookUrl}
            onChange={set("webhookUrl")}
            error={errors.fields.webhookUrl}
          />
          <Checkbox
            label="Only in working hours"
            checked={hoursOn}
            onChange={(event) => {
              setHoursOn(event.currentTarget.checked);
            }}
          />
          {hoursOn ? (
            <Group grow>
              <MultiSelect label="Working days" data={[...weekdays]} value={days} onChange={setDays} />
              <TextInput
                label="Start"
                value={form.start}
                onChange={set("start")}
                error={errors.fields["workingHours.start"]}
              />
              <TextInput
                label="End"
                value={form.end}
                onChange={set("end")}
                error={errors.fields["workingHours.end"]}
              />
              <TextInput
                label="Time zone"
                value={form.timeZone}
                onChange={set("timeZone")}
                error={errors.fields["workingHours.timeZone"]}
              />
            </Group>
          ) : null}
          <MultiSelect label="Digests" data={["daily", "weekly"]} value={digests} onChange={setDigests} />
          <Button type="submit">Add contact</Button>
        </Stack>
      </form>
    </Stack>
  );
}
