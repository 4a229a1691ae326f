import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useConsole } from '../context';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export interface Series {
  label: string;
  values: number[];
  color: string;
}

/** A bar chart of one currency (amounts in major units); the table beside it carries the numbers. */
export function BarChart({ title, currency, labels, series }: { title: string; currency: string; labels: string[]; series: Series[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { t, locale, lang } = useConsole();
  useEffect(() => {
    if (!canvas.current) return;
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact' });
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color })) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale,
        plugins: { legend: { rtl: lang === 'he' }, tooltip: { rtl: lang === 'he' } },
        scales: { x: { reverse: lang === 'he' }, y: { ticks: { callback: (value) => money.format(Number(value)) } } },
      },
    });
    return () => chart.destroy();
  }, [labels.join('|'), JSON.stringify(series), currency, locale, lang]);
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={t('chartOf', { title, currency })} />
    </div>
  );
}

export const COLORS = { committed: '#4b5563', pledged: '#1d4ed8', disbursed: '#047857' };
