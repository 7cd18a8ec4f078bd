/** Settings: the school's details, its ingest keys, the phrase library and the school's changes to it. */
import { Tabs } from "@mantine/core";
import { useSearchParams } from "react-router";
import { PageTitle } from "../../components/page-title.js";
import { useSchool } from "../../hooks/use-school.js";
import { IngestKeysPanel } from "./ingest-keys-panel.js";
import { OverridesPanel } from "./overrides-panel.js";
import { PhraseLibraryPanel } from "./phrase-library-panel.js";
import { SchoolPanel } from "./school-panel.js";

/** The settings page; the open tab is in the address (`?tab=`). */
export function SettingsPage() {
  const { can } = useSchool();
  const [params, setParams] = useSearchParams();
  const tabs = [
    { value: "school", label: "School", shown: true, panel: <SchoolPanel /> },
    {
      value: "keys",
      label: "Sources and ingest keys",
      shown: can("api-tokens.manage"),
      panel: <IngestKeysPanel />,
    },
    {
      value: "library",
      label: "Phrase library",
      shown: can("detection.read"),
      panel: <PhraseLibraryPanel />,
    },
    { value: "changes", label: "Local changes", shown: can("detection.read"), panel: <OverridesPanel /> },
  ].filter((tab) => tab.shown);
  const active = tabs.find((tab) => tab.value === params.get("tab"))?.value ?? "school";
  return (
    <>
      <PageTitle>Settings</PageTitle>
      <Tabs value={active} onChange={(value) => setParams(value ? { tab: value } : {})} keepMounted={false}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {tab.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.value} value={tab.value} pt="md">
            {tab.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
