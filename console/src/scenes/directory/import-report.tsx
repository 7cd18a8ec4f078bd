/** What an import changed, per kind of record: added, changed, left and unchanged. */
import { Stack, Table, Text } from "@mantine/core";
import type { DirectoryImportReport } from "../../../../src/contracts/directory.contract.js";

/** The report of an import (or a dry run). */
export function ImportReport({ report }: { report: DirectoryImportReport }) {
  const rows = [
    ["Pupils", report.pupils],
    ["Staff", report.staff],
    ["Devices", report.devices],
  ] as const;
  return (
    <Stack gap="xs">
      <Text role="status">
        {report.dryRun ? "Dry run, nothing stored: " : "Imported: "}
        {report.added} added, {report.changed} changed, {report.left} left, {report.unchanged} unchanged.
        {report.left > 0 ? " Leavers are no longer monitored." : ""}
      </Text>
      <Table striped aria-label="Import report" maw={560}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Records</Table.Th>
            <Table.Th scope="col">Added</Table.Th>
            <Table.Th scope="col">Changed</Table.Th>
            <Table.Th scope="col">Left</Table.Th>
            <Table.Th scope="col">Unchanged</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, counts]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row">{label}</Table.Th>
              <Table.Td>{counts.added}</Table.Td>
              <Table.Td>{counts.changed}</Table.Td>
              <Table.Td>{counts.left}</Table.Td>
              <Table.Td>{counts.unchanged}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {report.accountsDisabled + report.rolesRemoved > 0 ? (
        <Text>
          Staff who left: {report.accountsDisabled} Vigil account(s) disabled, {report.rolesRemoved} with
          their roles here removed.
        </Text>
      ) : null}
    </Stack>
  );
}
