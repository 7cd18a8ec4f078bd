/**
 * A pupil's or a device's page: when they were seen, the devices a pupil used (or the pupils on a
 * device), their alerts, and their activity; each part only for those allowed to see it.
 */
import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ActivityFilterSchema } from "../../../src/contracts/console.contract.js";
import { schoolDataApi } from "../api/school-data.js";
import { useSchool } from "../hooks/use-school.js";
import { ActivityTable } from "./activity-table.js";
import { AlertList } from "./alert-list.js";
import { formatDateTime } from "./format.js";
import { PageTitle } from "./page-title.js";
import { QueryState } from "./query-state.js";

/** The page for the pupil or device `name`. */
export function SubjectPage({ kind, name }: { kind: "pupil" | "device"; name: string }) {
  const { schoolId, can } = useSchool();
  const query = useQuery({
    queryKey: [kind, schoolId, name],
    queryFn: () =>
      kind === "pupil" ? schoolDataApi.pupil(schoolId, name) : schoolDataApi.device(schoolId, name),
  });
  const other = kind === "pupil" ? "devices" : "pupils";
  return (
    <Stack>
      <PageTitle>{`${kind === "pupil" ? "Pupil" : "Device"}: ${name}`}</PageTitle>
      <QueryState query={query} label={`the ${kind}`}>
        {(data) => (
          <Stack>
            {data.related ? (
              <Card withBorder component="section">
                <Title order={2} size="h3" mb="xs">
                  Seen
                </Title>
                <Text>
                  First seen {formatDateTime(data.firstSeen)}, last seen {formatDateTime(data.lastSeen)}.
                </Text>
                <Group gap="xs" mt="xs">
                  <Text>{kind === "pupil" ? "Devices used:" : "Pupils on this device:"}</Text>
                  {data.related.length === 0 ? <Text>none recorded</Text> : null}
                  {data.related.map((hit) => (
                    <Anchor
                      key={hit.name}
                      component={Link}
                      to={`/s/${schoolId}/${other}/${encodeURIComponent(hit.name)}`}
                    >
                      {hit.name}
                    </Anchor>
                  ))}
                </Group>
              </Card>
            ) : null}
            {data.alerts ? (
              <Card withBorder component="section">
                <Title order={2} size="h3" mb="xs">
                  Alerts
                </Title>
                <AlertList alerts={data.alerts} schoolId={schoolId} caption={`Alerts about ${name}`} />
              </Card>
            ) : null}
            {data.alerts === null && data.related === null ? (
              <Text>Your roles here do not include seeing this {kind}&apos;s alerts or activity.</Text>
            ) : null}
          </Stack>
        )}
      </QueryState>
      {can("browsing.read") ? (
        <Card withBorder component="section">
          <Title order={2} size="h3" mb="xs">
            Activity
          </Title>
          <ActivityTable
            schoolId={schoolId}
            filter={ActivityFilterSchema.parse(kind === "pupil" ? { pupil: name } : { device: name })}
            caption={`Activity of ${name}, newest first`}
          />
        </Card>
      ) : null}
    </Stack>
  );
}
