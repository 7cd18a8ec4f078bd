/**
 * The activity explorer: the monitoring log filtered by pupil, device, filter category, kind and
 * time, newest first, with CSV export. The filters live in the address, so a filtered view can be
 * bookmarked or shared (with someone who may see it) and survives a reload.
 */
import { Alert, Anchor, Button, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useState, type SyntheticEvent } from "react";
import { useSearchParams } from "react-router";
import { ActivityFilterSchema, type ActivityFilter } from "../../../../src/contracts/console.contract.js";
import { eventKinds } from "../../../../src/contracts/event.contract.js";
import { schoolDataApi } from "../../api/school-data.js";
import { ActivityTable, kindLabel } from "../../components/activity-table.js";
import { PageTitle } from "../../components/page-title.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";

const textFields = ["pupil", "device", "category"] as const;

/** The filter in the address, as the API's contract reads it (bad values are dropped). */
function filterOf(params: URLSearchParams): ActivityFilter {
  const raw = Object.fromEntries(
    ["pupil", "device", "category", "kind", "from", "to"].flatMap((key) => {
      const value = params.get(key);
      return value ? [[key, value]] : [];
    }),
  );
  const parsed = ActivityFilterSchema.safeParse(raw);
  return parsed.success ? parsed.data : ActivityFilterSchema.parse({});
}

/** `2026-03-05T09:15` (the browser's local time) as ISO, or the text itself when it is not one. */
function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

function isoToLocal(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The activity explorer page. */
export function ActivityPage() {
  const { schoolId } = useSchool();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const [form, setForm] = useState({
    pupil: filter.pupil ?? "",
    device: filter.device ?? "",
    category: filter.category ?? "",
    kind: filter.kind ?? "",
    from: isoToLocal(filter.from),
    to: isoToLocal(filter.to),
  });
  const errors = useFieldErrors();

  const apply = (event: SyntheticEvent) => {
    event.preventDefault();
    const checked = errors.validate(ActivityFilterSchema, {
      pupil: form.pupil,
      device: form.device,
      category: form.category,
      kind: form.kind || undefined,
      from: localToIso(form.from),
      to: localToIso(form.to),
    });
    if (!checked) return;
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(checked)) if (value) next.set(key, value);
    setParams(next);
  };

  return (
    <Stack>
      <PageTitle>Activity</PageTitle>
      <Alert color="blue" variant="light">
        Pupils&apos; browsing records are restricted: each view and export is recorded in the audit log.
      </Alert>
      <form onSubmit={apply} noValidate aria-label="Filter activity">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {textFields.map((field) => (
            <TextInput
              key={field}
              label={{ pupil: "Pupil", device: "Device", category: "Filter category" }[field]}
              value={form[field]}
              onChange={(event) => setForm({ ...form, [field]: event.currentTarget.value })}
              error={errors.fields[field]}
            />
          ))}
          <Select
            label="Kind"
            data={[
              { value: "", label: "Any" },
              ...eventKinds.map((kind) => ({ value: kind, label: kindLabel(kind) })),
            ]}
            value={form.kind}
            onChange={(value) => setForm({ ...form, kind: value ?? "" })}
            error={errors.fields.kind}
            allowDeselect={false}
          />
          <TextInput
            label="From"
            type="datetime-local"
            value={form.from}
            onChange={(event) => setForm({ ...form, from: event.currentTarget.value })}
            error={errors.fields.from}
          />
          <TextInput
            label="To"
            type="datetime-local"
            value={form.to}
            onChange={(event) => setForm({ ...form, to: event.currentTarget.value })}
            error={errors.fields.to}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit">Show activity</Button>
          <Anchor href={schoolDataApi.activityCsvUrl(schoolId, filter)} download>
            Download as CSV
          </Anchor>
        </Group>
      </form>
      <ActivityTable schoolId={schoolId} filter={filter} caption="Activity, newest first" />
    </Stack>
  );
}
