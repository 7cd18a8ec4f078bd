/** The phrase library: rules by category, searched, each with the examples it must and must not match. */
import { Accordion, Badge, Group, List, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { settingsApi } from "../../api/settings.js";
import { QueryState } from "../../components/query-state.js";
import { useSchool } from "../../hooks/use-school.js";

/** The phrase library tab. */
export function PhraseLibraryPanel() {
  const { schoolId } = useSchool();
  const [category, setCategory] = useState("");
  const [text, setText] = useState("");
  const [q] = useDebouncedValue(text.trim(), 250);
  const query = useQuery({
    queryKey: ["phrase-library", schoolId, category, q],
    queryFn: () => settingsApi.phraseLibrary(schoolId, { category, q }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
        <Select
          label="Category"
          data={[
            { value: "", label: "All categories" },
            ...(query.data?.categories.map((entry) => ({
              value: entry.category,
              label: `${entry.category} (${entry.rules})`,
            })) ?? []),
          ]}
          value={category}
          onChange={(value) => setCategory(value ?? "")}
          allowDeselect={false}
        />
        <TextInput
          label="Search the library"
          description="A phrase, a rule id or words from a note"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      </SimpleGrid>
      <QueryState query={query} label="the phrase library">
        {(data) => (
          <Stack>
            <Text size="sm">
              Library version {data.version}: {data.matching} rules match
              {data.matching > data.rules.length ? `, the first ${data.rules.length} shown` : ""}.
            </Text>
            <Accordion variant="separated">
              {data.rules.map((rule) => (
                <Accordion.Item key={rule.id} value={rule.id}>
                  <Accordion.Control>
                    <Group gap="xs">
                      <Text fw={600}>{rule.terms.join(" + ")}</Text>
                      <Badge variant="outline" color="dark">
                        {rule.category}
                      </Badge>
                      <Text size="sm">{rule.id}</Text>
                    </Group>
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Text size="sm">
                      Weight {rule.weight}, severity {rule.severity}
                      {rule.ages ? `, for ${rule.ages.join(", ")}` : ", for every age"}.
                    </Text>
                    {rule.note ? <Text size="sm">{rule.note}</Text> : null}
                    <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                      <div>
                        <Text fw={600} size="sm">
                          Should match
                        </Text>
                        <List size="sm">
                          {rule.examples.match.map((example) => (
                            <List.Item key={example}>{example}</List.Item>
                          ))}
                        </List>
                      </div>
                      <div>
                        <Text fw={600} size="sm">
                          Should not match
                        </Text>
                        <List size="sm">
                          {rule.examples.clear.map((example) => (
                            <List.Item key={example}>{example}</List.Item>
                          ))}
                        </List>
                      </div>
                    </SimpleGrid>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
            </Accordion>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
