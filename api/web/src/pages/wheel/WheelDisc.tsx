import type { Ref } from "preact";
import { polar, segmentAngle, slicePath, textOn } from "./geometry";
import type { SegmentOdds } from "./types";

const size = 300;
const centre = size / 2;
const radius = 146;

/**
 * The wheel drawn from its segments (equal slices, clockwise from 12 o'clock, see geometry.ts)
 * under a fixed pointer. The page rotates `discRef` with a CSS transform; the disc itself is an
 * image whose name lists the segments (the odds table beside it has the numbers).
 */
export function WheelDisc(props: {
  segments: SegmentOdds[];
  label: string;
  discRef: Ref<SVGSVGElement>;
  rotation: number;
  landed: string | null;
  landedCount: number;
}) {
  const { segments, label, discRef, rotation, landed, landedCount } = props;
  const angle = segmentAngle(segments.length);
  return (
    <div
      class="wheel-stage"
      data-testid="wheel"
      data-segment-count={segments.length}
      data-segment-ids={segments.map((s) => s.segmentId).join(",")}
      data-rotation={String(rotation)}
      data-landed-segment={landed ?? undefined}
      data-landed-count={landedCount}
    >
      <svg ref={discRef} class="wheel-disc" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label}>
        <circle cx={centre} cy={centre} r={radius + 3} fill="#2a1566" />
        {segments.map((s, i) => {
          const start = i * angle;
          const middle = start + angle / 2;
          const [tx, ty] = polar(centre, centre, radius * 0.62, middle);
          const out = s.effectiveWeight === 0;
          return (
            <g key={s.segmentId} data-segment={s.segmentId}>
              <path d={slicePath(centre, centre, radius, start, start + angle)} fill={out ? "#9e9e9e" : s.colour} stroke="#ffffff" stroke-width="1.5" />
              <text
                x={tx.toFixed(2)}
                y={ty.toFixed(2)}
                fill={textOn(out ? "#9e9e9e" : s.colour)}
                font-size={segments.length > 12 ? 9 : 12}
                font-weight="700"
                text-anchor="middle"
                dominant-baseline="middle"
                transform={`rotate(${(middle - 90).toFixed(2)} ${tx.toFixed(2)} ${ty.toFixed(2)})`}
              >
                {s.label.length > 16 ? `${s.label.slice(0, 15)}…` : s.label}
              </text>
            </g>
          );
        })}
        <circle cx={centre} cy={centre} r="16" fill="#ffffff" stroke="#2a1566" stroke-width="4" />
      </svg>
      <svg class="wheel-pointer" viewBox="0 0 40 40" aria-hidden="true">
        <path d="M 6 2 L 34 2 L 20 36 Z" fill="#b3261e" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" />
      </svg>
    </div>
  );
}
