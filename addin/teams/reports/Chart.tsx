import { HorizontalBarChartWithAxis, LineChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';

/**
 * A table's chart (loaded on its own, after the tables): bars for a distribution, a line for a trend. Only
 * exact counts are plotted; the caller leaves out "fewer than 5" and says so beside the chart.
 */
export interface ChartPoint {
  key: string;
  label: string;
  count: number;
}

export default function Chart({
  kind,
  title,
  points,
}: {
  kind: 'bar' | 'line';
  title: string;
  points: ChartPoint[];
}) {
  if (kind === 'line')
    return (
      <LineChart
        data={{
          chartTitle: title,
          lineChartData: [
            {
              legend: 'Referrals',
              color: tokens.colorBrandBackground,
              data: points.map((point) => ({
                // A month's key is YYYY-MM: plotted at its first day.
                x: new Date(Date.UTC(Number(point.key.slice(0, 4)), Number(point.key.slice(5, 7)) - 1, 1)),
                y: point.count,
                xAxisCalloutData: point.label,
              })),
            },
          ],
        }}
        height={260}
        culture="en-GB"
        hideLegend
        yMinValue={0}
      />
    );
  return (
    <HorizontalBarChartWithAxis
      chartTitle={title}
      data={points.map((point) => ({
        x: point.count,
        y: point.label,
        color: tokens.colorBrandBackground,
        barLabel: String(point.count),
      }))}
      height={Math.max(160, 36 * points.length + 60)}
      hideLegend
      useSingleColor
      culture="en-GB"
    />
  );
}
