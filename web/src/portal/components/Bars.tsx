import { usePortalT } from '../i18n.ts';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** Shown instead of the value (e.g. "2,5 jam"). */
  text?: string;
}

/**
 * A horizontal bar chart in plain HTML: every bar has its value as text, so it reads without
 * colour or sight; the same numbers are in a table below for screen readers and copying.
 */
export function Bars({ title, data, columns, testId }: { title: string; data: BarDatum[]; columns: [string, string]; testId?: string }) {
  const { t } = usePortalT();
  const max = Math.max(1, ...data.map((d) => d.value));
  const id = `h-${testId ?? title.replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {data.length === 0 ? (
        <p className="muted">{t('stats.none')}</p>
      ) : (
        <>
          <ul className="bars" aria-hidden="true">
            {data.map((d) => (
              <li key={d.key} className="bar-row">
                <span>{d.label}</span>
                <span className="bar-track">
                  <span className="bar-fill" style={{ width: `${(d.value / max) * 85}%` }} />
                  <span className="bar-value">{d.text ?? d.value}</span>
                </span>
              </li>
            ))}
          </ul>
          <details className="table">
            <summary>{t('stats.showTable')}</summary>
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead><tr><th scope="col">{columns[0]}</th><th scope="col" className="num">{columns[1]}</th></tr></thead>
              <tbody>{data.map((d) => <tr key={d.key}><th scope="row">{d.label}</th><td className="num">{d.text ?? d.value}</td></tr>)}</tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
