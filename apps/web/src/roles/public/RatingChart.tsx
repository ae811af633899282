import { useId } from 'react';

export interface ChartBar {
  /** The rating letter or short code, written beside the bar (never colour alone). */
  code: string;
  label: string;
  count: number;
}

const ROW = 36;
const LABEL_WIDTH = 64;
const WIDTH = 560;
const BAR_SPACE = WIDTH - LABEL_WIDTH - 72;

/**
 * A horizontal bar chart drawn as SVG in the page (no chart library: a few rectangles), with the
 * counts written at each bar and the whole chart described in words for screen readers
 * (role="img" with a title and a description naming every bar). The table beside it holds the same
 * figures.
 */
export function RatingChart({ title, bars, unit }: { title: string; bars: ChartBar[]; unit: string }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const height = bars.length * ROW + 8;
  const description = bars.map((bar) => `${bar.code}（${bar.label}）${bar.count}${unit}`).join('、');
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-std-16B-170">{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        className="h-auto w-full max-w-2xl"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {bars.map((bar, index) => {
          const y = index * ROW + 4;
          const width = Math.max(bar.count > 0 ? 2 : 0, (bar.count / max) * BAR_SPACE);
          return (
            <g key={bar.code}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + ROW / 2 + 2}
                textAnchor="end"
                dominantBaseline="middle"
                fontSize="18"
                fontWeight="700"
                fill="#1a1a1a"
              >
                {bar.code}
              </text>
              <rect x={LABEL_WIDTH} y={y + 6} width={width} height={ROW - 14} fill="#0031d8" />
              <text
                x={LABEL_WIDTH + width + 8}
                y={y + ROW / 2 + 2}
                dominantBaseline="middle"
                fontSize="16"
                fill="#1a1a1a"
              >{`${bar.count}${unit}`}</text>
            </g>
          );
        })}
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} stroke="#595959" strokeWidth="1" />
      </svg>
    </figure>
  );
}
