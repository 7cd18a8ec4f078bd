/** Each source's last event; quiet ones in red at the top, because silence is a gap in cover. */
import { Alert, Badge, Card, List, Table, Text, Title } from "@mantine/core";
import type { DashboardResponse } from "../../../../src/contracts/console.contract.js";
import { formatAgo, formatDateTime } from "../../components/format.js";

/** The sources card. */
export function SourcesCard({ sources }: { sources: DashboardResponse["sources"] }) {
  const quiet = sources.items.filter((item) => item.quiet);
  return (
    <Card withBorder component="section" aria-labelledby="sources-title">
      <Title order={2} size="h3" id="sources-title" mb="sm">
        Sources
      </Title>
      {quiet.length > 0 ? (
        <Alert
          color="red"
          variant="filled"
          mb="sm"
          title={`${quiet.length} ${quiet.length === 1 ? "source has" : "sources have"} gone quiet`}
        >
          Nothing has arrived for more than {sources.quietAfterMinutes} minutes from:
          <List>
            {quiet.map((item) => (
              <List.Item key={item.source}>
                {item.source}: last event {formatAgo(item.lastReceivedAt)}
              </List.Item>
            ))}
          </List>
          Pupils&apos; activity from these is not being monitored. Check the filter or agent is running.
        </Alert>
      ) : null}
      {sources.items.length === 0 ? (
        <Text>No source has sent anything yet. Connect a web filter&apos;s log or an agent in Settings.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Source</Table.Th>
              <Table.Th>Last event received</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sources.items.map((item) => (
              <Table.Tr key={item.source}>
                <Table.Td>{item.source}</Table.Td>
                <Table.Td>
                  {formatDateTime(item.lastReceivedAt)} ({formatAgo(item.lastReceivedAt)})
                </Table.Td>
                <Table.Td>
                  <Badge color={item.quiet ? "#a51d1d" : "#1e6b30"} variant="filled">
                    {item.quiet ? "Quiet" : "Sending"}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
