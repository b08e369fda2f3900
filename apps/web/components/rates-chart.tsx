'use client';

/**
 * Grouped horizontal bars (one group per bureau, one bar per rate), hand-rolled SVG so no
 * chart library is needed. It has a title and description for screen readers; the table
 * next to it carries the same numbers.
 */
export function RatesChart({
  title,
  rows,
  series,
}: {
  title: string;
  rows: { label: string; values: (number | null)[] }[];
  series: { name: string; colour: string }[];
}) {
  const barH = 10;
  const groupH = series.length * barH + 10;
  const labelW = 170;
  const plotW = 420;
  const height = rows.length * groupH + 40;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-labelledby="rates-chart-title"
        viewBox={`0 0 ${labelW + plotW + 50} ${height}`}
        style={{ width: '100%', maxWidth: 720, height: 'auto' }}
      >
        <title id="rates-chart-title">{title}</title>
        {[0, 0.25, 0.5, 0.75, 1].map((x) => (
          <g key={x}>
            <line x1={labelW + x * plotW} x2={labelW + x * plotW} y1={0} y2={height - 30} stroke="#e4e7eb" />
            <text x={labelW + x * plotW} y={height - 15} fontSize="10" textAnchor="middle" fill="#52606d">
              {Math.round(x * 100)}%
            </text>
          </g>
        ))}
        {rows.map((r, i) => (
          <g key={r.label} transform={`translate(0, ${i * groupH})`}>
            <text x={labelW - 6} y={groupH / 2} fontSize="11" textAnchor="end" dominantBaseline="middle" fill="#1f2933">
              {r.label}
            </text>
            {r.values.map((v, j) => (
              <rect
                key={j}
                x={labelW}
                y={5 + j * barH}
                width={Math.max(0, (v ?? 0) * plotW)}
                height={barH - 2}
                fill={series[j]!.colour}
              >
                <title>{`${r.label} · ${series[j]!.name}: ${v === null ? '—' : `${(v * 100).toFixed(1)}%`}`}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="row" style={{ fontSize: '0.85rem' }}>
        {series.map((s) => (
          <span key={s.name}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: 12, height: 12, background: s.colour }} />{' '}
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** A small line of one value over time (volume trend). */
export function Sparkline({ title, points }: { title: string; points: { label: string; value: number }[] }) {
  const w = 480;
  const h = 120;
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = points.length > 1 ? w / (points.length - 1) : 0;
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${i * step},${h - (p.value / max) * (h - 10)}`).join(' ');
  return (
    <svg role="img" viewBox={`-5 -5 ${w + 10} ${h + 25}`} style={{ width: '100%', maxWidth: 520, height: 'auto' }}>
      <title>{title}</title>
      <path d={d} fill="none" stroke="#c0392b" strokeWidth="2" />
      {points.map((p, i) => (
        <g key={p.label}>
          <circle cx={i * step} cy={h - (p.value / max) * (h - 10)} r="3" fill="#c0392b">
            <title>{`${p.label}: ${p.value}`}</title>
          </circle>
          {i % Math.max(1, Math.ceil(points.length / 8)) === 0 && (
            <text x={i * step} y={h + 15} fontSize="9" textAnchor="middle" fill="#52606d">
              {p.label.slice(5, 10)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}
