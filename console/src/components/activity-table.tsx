/**
 * A list of monitoring-log events with "show older" paging (keyset cursors from the API), used by
 * the activity explorer and by the pupil and device pages.
 */
import { Anchor, Badge, Button, Table, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { ActivityFilter, ActivityItem } from "../../../src/contracts/console.contract.js";
import { schoolDataApi } from "../api/school-data.js";
import { formatDateTime } from "./format.js";
import { QueryState } from "./query-state.js";

const kindLabels: Record<string, string> = {
  "web-visit": "Site visited",
  search: "Search",
  "typed-text": "Typed text",
  "page-text": "Page text",
  "chat-message": "Chat message",
  "window-title": "Window title",
  screenshot: "Screenshot",
};

/** Human words for an event kind. */
export function kindLabel(kind: string): string {
  return kindLabels[kind] ?? kind;
}

/** The table for `filter` in the school. */
export function ActivityTable({
  schoolId,
  filter,
  caption,
}: {
  schoolId: string;
  filter: ActivityFilter;
  caption: string;
}) {
  const query = useInfiniteQuery({
    queryKey: ["activity", schoolId, filter],
    queryFn: ({ pageParam }) => schoolDataApi.activity(schoolId, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return (
    <QueryState query={query} label="the activity">
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        if (items.length === 0) return <Text>No activity matches.</Text>;
        return (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table striped aria-label={caption}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Time</Table.Th>
                    <Table.Th>Pupil</Table.Th>
                    <Table.Th>Device</Table.Th>
                    <Table.Th>What</Table.Th>
                    <Table.Th>Detail</Table.Th>
                    <Table.Th>Filter category</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <ActivityRow key={item.id} item={item} schoolId={schoolId} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {query.hasNextPage ? (
              <Button
                variant="default"
                loading={query.isFetchingNextPage}
                onClick={() => void query.fetchNextPage()}
              >
                Show older activity
              </Button>
            ) : (
              <Text size="sm">End of the activity that matches.</Text>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

function ActivityRow({ item, schoolId }: { item: ActivityItem; schoolId: string }) {
  return (
    <Table.Tr>
      <Table.Td>{formatDateTime(item.time)}</Table.Td>
      <Table.Td>
        {item.pupil ? (
          <Anchor component={Link} to={`/s/${schoolId}/pupils/${encodeURIComponent(item.pupil)}`}>
            {item.pupil}
          </Anchor>
        ) : (
          "unknown"
        )}
      </Table.Td>
      <Table.Td>
        {item.device ? (
          <Anchor component={Link} to={`/s/${schoolId}/devices/${encodeURIComponent(item.device)}`}>
            {item.device}
          </Anchor>
        ) : (
          "unknown"
        )}
      </Table.Td>
      <Table.Td>
        {kindLabel(item.kind)}
        {item.action === "blocked" ? (
          <Badge ml="xs" color="red.9" variant="filled">
            Blocked
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td style={{ wordBreak: "break-word" }}>{item.text ?? item.url ?? item.host ?? ""}</Table.Td>
      <Table.Td>{item.category ?? ""}</Table.Td>
    </Table.Tr>
  );
}
