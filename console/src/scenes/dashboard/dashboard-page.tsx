/**
 * The dashboard: sources that have gone quiet (first, because a silent filter is a gap in cover),
 * the queue waiting for the gatekeeper, today's alerts by severity and category, the 30-day trend,
 * and, for those who may see incidents, open incidents and overdue actions.
 */
import { SimpleGrid, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { schoolDataApi } from "../../api/school-data.js";
import { PageTitle } from "../../components/page-title.js";
import { QueryState } from "../../components/query-state.js";
import { useSchool } from "../../hooks/use-school.js";
import { AlertTrendCard } from "./alert-trend-card.js";
import { IncidentsCard } from "./incidents-card.js";
import { QueueCard } from "./queue-card.js";
import { SourcesCard } from "./sources-card.js";
import { TodayCard } from "./today-card.js";

/** Marked once the dashboard's data is on screen (the browser test reads it to time the first load). */
export const dashboardShownMark = "vigil:dashboard-shown";

/** The dashboard page. */
export function DashboardPage() {
  const { schoolId, school } = useSchool();
  const query = useQuery({
    queryKey: ["dashboard", schoolId],
    queryFn: () => schoolDataApi.dashboard(schoolId),
    refetchInterval: 60_000,
  });
  const shown = query.data !== undefined;
  useEffect(() => {
    if (shown && performance.getEntriesByName(dashboardShownMark).length === 0)
      performance.mark(dashboardShownMark);
  }, [shown]);

  return (
    <Stack>
      <PageTitle>{`Dashboard: ${school?.name ?? ""}`}</PageTitle>
      <QueryState query={query} label="the dashboard">
        {(data) => (
          <Stack data-testid="dashboard-data">
            <SourcesCard sources={data.sources} />
            {data.alerts ? (
              <>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <QueueCard queue={data.alerts.queue} schoolId={schoolId} />
                  <TodayCard today={data.alerts.today} />
                </SimpleGrid>
                <AlertTrendCard trend={data.alerts.trend} />
              </>
            ) : null}
            {data.incidents ? <IncidentsCard incidents={data.incidents} schoolId={schoolId} /> : null}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
