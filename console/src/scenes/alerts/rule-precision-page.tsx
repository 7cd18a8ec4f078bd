/** Each rule's precision from triage outcomes, and the noisiest rules: where false positives come from. */
import { Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { alertsApi } from "../../api/alerts.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useSchool } from "../../hooks/use-school.js";

const percent = (value: number | null) =>
  value === null ? "not yet decided" : `${Math.round(value * 100)}%`;

/** The rule precision page. */
export function RulePrecisionPage() {
  const { schoolId } = useSchool();
  const query = useQuery({
    queryKey: ["rule-precision", schoolId],
    queryFn: () => alertsApi.precision(schoolId),
  });
  return (
    <Stack>
      <PageTitle>Rule precision</PageTitle>
      <QueryState query={query} label="rule precision">
        {(result) => (
          <>
            <Text size="sm">{result.definition}.</Text>
            <Title order={2} size="h4">
              Noisiest rules
            </Title>
            {result.noisiest.length === 0 ? (
              <Text>No alert has been dismissed as a false positive yet.</Text>
            ) : (
              <ol aria-label="Noisiest rules">
                {result.noisiest.map((rule) => (
                  <li key={rule.ruleId}>
                    {rule.ruleId}: {rule.falsePositives} false positive{rule.falsePositives === 1 ? "" : "s"},{" "}
                    {percent(rule.precision)} precise
                  </li>
                ))}
              </ol>
            )}
            <Title order={2} size="h4">
              Every rule
            </Title>
            <Table aria-label="Rule precision">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>Confirmed</Table.Th>
                  <Table.Th>False positives</Table.Th>
                  <Table.Th>Precision</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.rules.map((rule) => (
                  <Table.Tr key={rule.ruleId}>
                    <Table.Td>{rule.ruleId}</Table.Td>
                    <Table.Td>{rule.confirmed}</Table.Td>
                    <Table.Td>{rule.falsePositives}</Table.Td>
                    <Table.Td>{percent(rule.precision)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
