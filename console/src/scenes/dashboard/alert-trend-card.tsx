/** Alerts per day over the last 30 days, as a chart (its figures are also in the chart's label). */
import { BarChart } from "@mantine/charts";
import { Card, Text, Title } from "@mantine/core";
import type { DashboardResponse } from "../../../../src/contracts/console.contract.js";
import { formatDay } from "../../components/format.js";

type Trend = NonNullable<DashboardResponse["alerts"]>["trend"];

/** The trend card. */
export function AlertTrendCard({ trend }: { trend: Trend }) {
  const data = trend.map((day) => ({ day: formatDay(day.day), Alerts: day.count }));
  const total = trend.reduce((sum, day) => sum + day.count, 0);
  const busiest = trend.reduce(
    (best, day) => (day.count > best.count ? day : best),
    trend[0] ?? { day: "", count: 0 },
  );
  const summary =
    total === 0
      ? "No alerts in the last 30 days."
      : `${total} alerts in the last 30 days; the busiest day was ${formatDay(busiest.day)} with ${busiest.count}.`;
  return (
    <Card withBorder component="section" aria-labelledby="trend-title">
      <Title order={2} size="h3" id="trend-title" mb="sm">
        Alerts in the last 30 days
      </Title>
      <Text mb="sm">{summary}</Text>
      <div role="img" aria-label={`Bar chart of alerts per day. ${summary}`}>
        <BarChart
          h={220}
          data={data}
          dataKey="day"
          series={[{ name: "Alerts", color: "blue.8" }]}
          tickLine="y"
        />
      </div>
    </Card>
  );
}
