/**
 * The pupil directory for those who may see it (safeguarding leads, the coordinator, the network
 * manager, the head): search by name or username, filter by status, page through by name. Each
 * page read is audited on the server.
 */
import { Badge, Button, Group, NativeSelect, Stack, Table, TextInput } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState, type SyntheticEvent } from "react";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useSchool } from "../../hooks/use-school.js";
import { directoryApi } from "./directory-api.js";

const statuses = [
  { value: "active", label: "At the school" },
  { value: "left", label: "Left" },
  { value: "all", label: "Everyone" },
];

/** The pupil list page. */
export function PupilsPage() {
  const { schoolId } = useSchool();
  const [draft, setDraft] = useState("");
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState("active");
  const query = useInfiniteQuery({
    queryKey: ["directory-pupils", schoolId, search, status],
    queryFn: ({ pageParam }) => directoryApi.pupils(schoolId, { q: search, status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setSearch(draft.trim());
  };

  return (
    <Stack>
      <PageTitle>Pupils</PageTitle>
      <form onSubmit={submit} aria-label="Find pupils">
        <Group align="end">
          <TextInput
            label="Name or username"
            value={draft}
            onChange={(event) => {
              setDraft(event.currentTarget.value);
            }}
          />
          <NativeSelect
            label="Status"
            data={statuses}
            value={status}
            onChange={(event) => {
              setStatus(event.currentTarget.value);
            }}
          />
          <Button type="submit">Find</Button>
        </Group>
      </form>
      <QueryState query={query} label="pupils">
        {(data) => (
          <Table striped aria-label="Pupils by name">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Year</Table.Th>
                <Table.Th scope="col">Form</Table.Th>
                <Table.Th scope="col">Usernames</Table.Th>
                <Table.Th scope="col">Needs</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.pages
                .flatMap((page) => page.pupils)
                .map((pupil) => (
                  <Table.Tr key={pupil.id}>
                    <Table.Td>
                      {pupil.familyName}, {pupil.givenName}
                    </Table.Td>
                    <Table.Td>{pupil.yearGroup ?? "not given"}</Table.Td>
                    <Table.Td>{pupil.form ?? "not given"}</Table.Td>
                    <Table.Td>{pupil.identifiers.join(", ")}</Table.Td>
                    <Table.Td>
                      {[pupil.sen ? "SEN" : "", pupil.eal ? "EAL" : ""].filter(Boolean).join(", ") || "none"}
                    </Table.Td>
                    <Table.Td>
                      {pupil.status === "left" ? (
                        <Badge color="gray.8" variant="outline">{`left ${pupil.leftOn ?? ""}`}</Badge>
                      ) : (
                        "at the school"
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {query.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
        >
          More pupils
        </Button>
      ) : null}
    </Stack>
  );
}
