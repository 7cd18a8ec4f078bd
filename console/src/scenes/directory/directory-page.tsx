/**
 * The directory: an administrator imports the MIS export (the CSV files of a OneRoster 1.1
 * bundle, a simple pupil CSV, or a devices CSV), first as a dry run if they like, and sees what
 * changed, or every bad row by file, line and column when the import is refused.
 */
import { Alert, Button, Checkbox, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { useState, type SyntheticEvent } from "react";
import {
  directoryLimits,
  type DirectoryFormat,
  type DirectoryImportReport,
} from "../../../../src/contracts/directory.contract.js";
import { ApiError, type FieldProblem } from "../../api/client.js";
import { PageTitle } from "../../components/page-title.js";
import { useSchool } from "../../hooks/use-school.js";
import { directoryApi } from "./directory-api.js";
import { ImportReport } from "./import-report.js";

const formats: { value: DirectoryFormat; label: string }[] = [
  { value: "oneroster", label: "OneRoster 1.1 bundle (select all its CSV files)" },
  { value: "csv", label: "Simple pupil CSV (one row per pupil)" },
  { value: "devices", label: "Devices CSV" },
];

type Outcome =
  | { kind: "report"; report: DirectoryImportReport }
  | { kind: "refused"; message: string; hint: string | undefined; problems: FieldProblem[] };

/** The directory import page. */
export function DirectoryPage() {
  const { schoolId } = useSchool();
  const [format, setFormat] = useState<DirectoryFormat>("oneroster");
  const [files, setFiles] = useState<File[]>([]);
  const [dryRun, setDryRun] = useState(true);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (files.length === 0) {
      setOutcome({
        kind: "refused",
        message: "Choose the CSV file(s) to import first.",
        hint: undefined,
        problems: [],
      });
      return;
    }
    setBusy(true);
    try {
      const texts: Record<string, string> = {};
      for (const file of files) texts[file.name] = await file.text();
      const size = Object.values(texts).reduce((sum, text) => sum + text.length, 0);
      if (size > directoryLimits.importMaxChars) {
        setOutcome({
          kind: "refused",
          message: "These files are too large to send from the browser.",
          hint: "Import them on the server with `vigil directory import <folder>`.",
          problems: [],
        });
        return;
      }
      setOutcome({
        kind: "report",
        report: await directoryApi.importFiles(schoolId, { format, files: texts, dryRun }),
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setOutcome({
        kind: "refused",
        message: error.message.replace(/ nothing was imported\..*$/, " nothing was imported."),
        hint: error.hint,
        problems: error.fields,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <PageTitle>Directory</PageTitle>
      <Text maw={720}>
        Import pupils, staff and devices from your MIS. A full import makes anyone missing from it a leaver at
        once: their usernames stop being monitored and a member of staff&apos;s Vigil account is disabled.
        Nothing is stored unless every row is correct.
      </Text>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Import the directory">
        <Stack maw={560}>
          <NativeSelect
            label="What you are importing"
            data={formats}
            value={format}
            onChange={(event) => {
              setFormat(event.currentTarget.value as DirectoryFormat);
            }}
          />
          <div>
            <label htmlFor="directory-files">
              <Text component="span" size="sm" fw={500}>
                CSV files
              </Text>
            </label>
            <input
              id="directory-files"
              type="file"
              accept=".csv,text/csv"
              multiple
              onChange={(event) => {
                setFiles([...(event.currentTarget.files ?? [])]);
              }}
            />
          </div>
          <Checkbox
            label="Dry run: check and report, store nothing"
            checked={dryRun}
            onChange={(event) => {
              setDryRun(event.currentTarget.checked);
            }}
          />
          <Button type="submit" loading={busy}>
            {dryRun ? "Check import" : "Import"}
          </Button>
        </Stack>
      </form>
      {outcome?.kind === "report" ? <ImportReport report={outcome.report} /> : null}
      {outcome?.kind === "refused" ? <Refusal {...outcome} /> : null}
    </Stack>
  );
}

function Refusal({
  message,
  hint,
  problems,
}: {
  message: string;
  hint: string | undefined;
  problems: FieldProblem[];
}) {
  return (
    <Stack gap="xs">
      <Alert
        color="red"
        role="alert"
        title="Not imported"
        // Mantine's light red title is 3.9:1 on its background; the darker shade passes WCAG AA.
        styles={{ title: { color: "var(--mantine-color-red-9)" } }}
      >
        {message}
        {hint ? <Text size="sm">{hint}</Text> : null}
      </Alert>
      {problems.length > 0 ? (
        <Table striped aria-label="Problems in the files" maw={720}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Where</Table.Th>
              <Table.Th scope="col">Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((problem) => (
              <Table.Tr key={`${problem.path}: ${problem.message}`}>
                <Table.Td>{problem.path}</Table.Td>
                <Table.Td>{problem.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
