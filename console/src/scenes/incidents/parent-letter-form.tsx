/**
 * The letter to parents or carers: previewed from the school's template, downloaded as a PDF, and,
 * with the date it is sent, recorded on the chronology with the PDF's SHA-256.
 */
import { Alert, Button, Code, Group, Stack, TextInput, Title } from "@mantine/core";
import { useState, type SyntheticEvent } from "react";
import { incidentsApi } from "../../api/incidents.js";
import { saveFile } from "../../components/save-file.js";
import { useFieldErrors } from "../../hooks/use-field-errors.js";
import { useSchool } from "../../hooks/use-school.js";
import { useRefreshIncident } from "./use-refresh-incident.js";

/** The letter form: preview, download, and record as sent. */
export function ParentLetterForm({ incidentId }: { incidentId: string }) {
  const { schoolId } = useSchool();
  const refresh = useRefreshIncident(incidentId);
  const [parentName, setParentName] = useState("");
  const [pupilName, setPupilName] = useState("");
  const [sentOn, setSentOn] = useState("");
  const [text, setText] = useState<string | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const errors = useFieldErrors();
  const input = () => ({ parentName, pupilName, ...(sentOn ? { sentOn } : {}) });
  const preview = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      setText((await incidentsApi.letter(schoolId, incidentId, input())).text);
      errors.clear();
    } catch (error) {
      errors.showError(error);
    }
  };
  const download = async () => {
    try {
      const pdf = await incidentsApi.letterPdf(schoolId, incidentId, input());
      saveFile(pdf, `letter-${incidentId}.pdf`);
      errors.clear();
      if (sentOn) {
        setRecorded(`Recorded on the chronology: letter to ${parentName} sent on ${sentOn}.`);
        await refresh();
      }
    } catch (error) {
      errors.showError(error);
    }
  };
  return (
    <form onSubmit={(event) => void preview(event)} aria-labelledby="letter">
      <Stack maw={640}>
        <Title order={2} size="h3" id="letter">
          Letter to parents or carers
        </Title>
        <Group grow>
          <TextInput
            label="Parent or carer"
            required
            value={parentName}
            onChange={(event) => {
              setParentName(event.currentTarget.value);
            }}
            error={errors.fields.parentName}
          />
          <TextInput
            label="Pupil"
            required
            value={pupilName}
            onChange={(event) => {
              setPupilName(event.currentTarget.value);
            }}
            error={errors.fields.pupilName}
          />
        </Group>
        <TextInput
          type="date"
          label="Sent on"
          description="When you send it: the date goes on the chronology with the PDF's fingerprint"
          value={sentOn}
          onChange={(event) => {
            setSentOn(event.currentTarget.value);
          }}
          error={errors.fields.sentOn}
        />
        {errors.formError ? (
          <Alert color="red" role="alert">
            {errors.formError}
          </Alert>
        ) : null}
        {recorded ? <Alert role="status">{recorded}</Alert> : null}
        <Group>
          <Button type="submit">Preview letter</Button>
          <Button variant="outline" onClick={() => void download()}>
            {sentOn ? "Download PDF and record it as sent" : "Download PDF"}
          </Button>
        </Group>
        {text ? (
          <Code block aria-label="Letter preview" tabIndex={0} style={{ whiteSpace: "pre-wrap" }}>
            {text}
          </Code>
        ) : null}
      </Stack>
    </form>
  );
}
