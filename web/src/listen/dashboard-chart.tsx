// One chart of the dashboard: ECharts draws `option` into a figure labelled by `label`, and the
// same figures are offered as a table (the chart's text alternative) under a disclosure.
import { useEffect, useRef, type ReactNode } from 'react';
import type { EChartsOption } from 'echarts';
import { useI18n } from '../i18n/i18n.tsx';

type ChartsModule = typeof import('./dashboard-echarts.ts');
let charts: Promise<ChartsModule> | null = null;

export function Chart({ option, label, height = 300, table, className }: { option: EChartsOption; label: string; height?: number; table?: ReactNode; className?: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<ChartsModule['echarts']['init']> | null>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    charts ??= import('./dashboard-echarts.ts');
    void charts.then(({ echarts }) => {
      if (disposed || !box.current) return;
      chart.current = echarts.init(box.current, null, { renderer: 'svg' });
      chart.current.setOption(option, true);
      box.current.dataset.rendered = 'true';
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(box.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // A tooltip left open over data that is replaced would point at nothing.
    chart.current?.dispatchAction({ type: 'hideTip' });
    chart.current?.setOption(option, true);
  }, [option]);

  return (
    <figure className={`dash-chart ${className ?? ''}`}>
      <div ref={box} className="dash-canvas" role="img" aria-label={label} style={{ height }} />
      <figcaption className="visually-hidden">{label}</figcaption>
      {table ? (
        <details className="dash-table">
          <summary>{t('dashboard.table')}</summary>
          {table}
        </details>
      ) : null}
    </figure>
  );
}

/** A plain table of rows; the first cell of each row is its header. */
export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
