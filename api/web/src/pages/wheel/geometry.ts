/**
 * The wheel's geometry. Segments have equal angles (the odds are shown beside the wheel, not by
 * slice size), numbered clockwise from the pointer at 12 o'clock: segment i covers
 * [i·360/n, (i+1)·360/n) degrees of the wheel. Rotating the wheel clockwise by R degrees brings
 * the wheel's angle (−R mod 360) under the pointer, so the segment under it is
 * floor(((−R) mod 360) / (360/n)). The browser tests recompute this independently.
 */

export function segmentAngle(count: number): number {
  return 360 / count;
}

/** The segment under the pointer for a clockwise rotation of `rotation` degrees. */
export function segmentUnderPointer(rotation: number, count: number): number {
  const atPointer = (((-rotation) % 360) + 360) % 360;
  return Math.min(count - 1, Math.floor(atPointer / segmentAngle(count)));
}

/**
 * The final rotation (degrees, clockwise, growing from `from`) that puts the centre of `index`
 * under the pointer after at least `turns` whole turns.
 */
export function landingRotation(from: number, index: number, count: number, turns: number): number {
  const wanted = (360 - (index + 0.5) * segmentAngle(count)) % 360; // final rotation mod 360
  const base = from - (((from % 360) + 360) % 360); // from, rounded down to whole turns
  let target = base + turns * 360 + wanted;
  while (target < from + turns * 360) target += 360;
  return target;
}

/** A point on the circle at `angle` degrees clockwise from 12 o'clock. */
export function polar(cx: number, cy: number, r: number, angle: number): [number, number] {
  const rad = (angle * Math.PI) / 180;
  return [cx + r * Math.sin(rad), cy - r * Math.cos(rad)];
}

/** An SVG path for a slice from `start` to `end` degrees (clockwise from 12 o'clock). */
export function slicePath(cx: number, cy: number, r: number, start: number, end: number): string {
  if (end - start >= 360) {
    return `M ${cx} ${cy - r} A ${r} ${r} 0 1 1 ${cx - 0.01} ${cy - r} Z`;
  }
  const [x1, y1] = polar(cx, cy, r, start);
  const [x2, y2] = polar(cx, cy, r, end);
  const large = end - start > 180 ? 1 : 0;
  return `M ${cx} ${cy} L ${x1.toFixed(3)} ${y1.toFixed(3)} A ${r} ${r} 0 ${large} 1 ${x2.toFixed(3)} ${y2.toFixed(3)} Z`;
}

/** Black or white, whichever reads better on `hex` (#rrggbb): at least 4.5:1 either way. */
export function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return "#000000";
  const lin = (c: string) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
}
