/**
 * One item of evidence: shown only after the viewer gives a reason (recorded with who and when).
 * Graphic images stay blurred until the viewer chooses to reveal them; locked (suspected CSAM)
 * evidence is never requested at all.
 */
import { Alert, Badge, Button, Code, Group, Image, Stack, Text, TextInput } from "@mantine/core";
import { useState, type SyntheticEvent } from "react";
import { ApiError } from "../../api/client.js";
import { incidentsApi, type IncidentDetail } from "../../api/incidents.js";

type Item = IncidentDetail["evidence"][number];

/** Evidence with its hash, and a view-with-reason form. */
export function EvidenceViewer(props: { schoolId: string; incidentId: string; item: Item }) {
  const { item } = props;
  const [reason, setReason] = useState("");
  const [shown, setShown] = useState<{ mediaType: string; graphic: boolean; contentBase64: string } | null>(
    null,
  );
  const [revealed, setRevealed] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const view = async (event: SyntheticEvent) => {
    event.preventDefault();
    try {
      setShown(await incidentsApi.viewEvidence(props.schoolId, props.incidentId, item.id, reason));
      setProblem(null);
    } catch (error) {
      setProblem(
        error instanceof ApiError ? `${error.message} ${error.hint ?? ""}` : "Could not show the evidence.",
      );
    }
  };

  return (
    <Stack gap="xs">
      <Group>
        <Text fw={600}>{item.label}</Text>
        <Badge variant="light">{item.kind}</Badge>
        {item.graphic ? <Badge color="#9c4a00">Graphic</Badge> : null}
      </Group>
      <Text size="sm">
        SHA-256 <Code>{item.sha256}</Code>
      </Text>
      {item.csam_locked_at ? (
        <Alert color="red" title="Locked">
          Marked as suspected child sexual abuse material: Vigil never displays or exports it. It has been
          referred to the police.
        </Alert>
      ) : shown ? (
        shown.mediaType.startsWith("image/") ? (
          <Stack gap="xs">
            <Image
              src={`data:${shown.mediaType};base64,${shown.contentBase64}`}
              alt={`Evidence: ${item.label}`}
              maw={480}
              style={shown.graphic && !revealed ? { filter: "blur(24px)" } : undefined}
            />
            {shown.graphic && !revealed ? (
              <Button
                variant="outline"
                onClick={() => {
                  setRevealed(true);
                }}
              >
                Reveal image
              </Button>
            ) : null}
          </Stack>
        ) : (
          <Code block tabIndex={0} style={{ whiteSpace: "pre-wrap" }} aria-label={`Content of ${item.label}`}>
            {new TextDecoder().decode(Uint8Array.from(atob(shown.contentBase64), (c) => c.charCodeAt(0)))}
          </Code>
        )
      ) : (
        <form onSubmit={(event) => void view(event)} aria-label={`View ${item.label}`}>
          <Group align="end">
            <TextInput
              label={`Reason for viewing ${item.label}`}
              required
              value={reason}
              onChange={(event) => {
                setReason(event.currentTarget.value);
              }}
            />
            <Button type="submit">View</Button>
          </Group>
        </form>
      )}
      {problem ? (
        <Alert color="red" role="alert" title="Not shown">
          {problem}
        </Alert>
      ) : null}
    </Stack>
  );
}
