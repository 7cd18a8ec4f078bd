/** Results of the global search: pupils, devices, sites and alerts, as far as the person may see. */
import { Anchor, Card, List, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { SearchQuerySchema } from "../../../../src/contracts/console.contract.js";
import { schoolDataApi } from "../../api/school-data.js";
import { AlertList } from "../../components/alert-list.js";
import { formatDateTime } from "../../components/format.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useSchool } from "../../hooks/use-school.js";

type Hit = { name: string; lastSeen: string };

/** The search page; the words searched for are in the address (`?q=`). */
export function SearchPage() {
  const { schoolId } = useSchool();
  const [params] = useSearchParams();
  const q = params.get("q") ?? "";
  const checked = SearchQuerySchema.safeParse({ q });
  const query = useQuery({
    queryKey: ["search", schoolId, q],
    queryFn: () => schoolDataApi.search(schoolId, q),
    enabled: checked.success,
  });

  return (
    <Stack>
      <PageTitle>{`Search: ${q}`}</PageTitle>
      {!checked.success ? (
        <Text role="alert">{checked.error.issues[0]?.message}</Text>
      ) : (
        <QueryState query={query} label="the search results">
          {(data) => {
            const sections = [data.pupils, data.devices, data.sites, data.alerts];
            if (sections.every((section) => section === null)) {
              return <Text>Your roles here do not include seeing pupils, their devices or alerts.</Text>;
            }
            return (
              <Stack>
                {data.pupils ? (
                  <Section title="Pupils">
                    <Hits
                      hits={data.pupils}
                      to={(name) => `/s/${schoolId}/pupils/${encodeURIComponent(name)}`}
                    />
                  </Section>
                ) : null}
                {data.devices ? (
                  <Section title="Devices">
                    <Hits
                      hits={data.devices}
                      to={(name) => `/s/${schoolId}/devices/${encodeURIComponent(name)}`}
                    />
                  </Section>
                ) : null}
                {data.sites ? (
                  <Section title="Sites">
                    <Hits hits={data.sites} />
                  </Section>
                ) : null}
                {data.alerts ? (
                  <Section title="Alerts">
                    <AlertList alerts={data.alerts} schoolId={schoolId} caption="Alerts that match" />
                  </Section>
                ) : null}
              </Stack>
            );
          }}
        </QueryState>
      )}
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section">
      <Title order={2} size="h3" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Hits({ hits, to }: { hits: Hit[]; to?: (name: string) => string }) {
  if (hits.length === 0) return <Text>None found.</Text>;
  return (
    <List listStyleType="none" spacing={4}>
      {hits.map((hit) => (
        <List.Item key={hit.name}>
          {to ? (
            <Anchor component={Link} to={to(hit.name)}>
              {hit.name}
            </Anchor>
          ) : (
            hit.name
          )}{" "}
          <Text span size="sm" c="dimmed">
            last seen {formatDateTime(hit.lastSeen)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
