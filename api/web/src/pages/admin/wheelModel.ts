import type { WheelDefinition, WheelSegment } from "./types";

const palette = ["#3b1f8f", "#b91c1c", "#1d4ed8", "#15803d", "#8a4b04", "#7e22ce", "#0f6b66", "#9d174d"];

export function blankSegment(index: number): WheelSegment {
  return {
    id: `s${index + 1}`,
    label: "",
    colour: palette[index % palette.length],
    prize: { kind: "Points", amount: 10, poolId: null },
    weight: 1,
    stock: null,
    bigWin: false,
  };
}

export function blankWheel(): WheelDefinition {
  return {
    name: "",
    segments: [blankSegment(0), blankSegment(1)],
    active: true,
    activeFrom: null,
    activeUntil: null,
    costPerSpin: 1,
    freeSpinsPerDay: 1,
    dailyCap: 10,
  };
}

/** Each segment's chance as the draw computes it: weight over the total, out-of-stock segments at 0. */
export function odds(segments: WheelSegment[]): number[] {
  const effective = segments.map((s) => (s.stock === 0 || !(s.weight > 0) ? 0 : s.weight));
  const total = effective.reduce((a, b) => a + b, 0);
  return effective.map((w) => (total > 0 ? w / total : 0));
}

/** The prize as the api wants it: no amount on Nothing, one code from a pool on Code. */
export function clean(w: WheelDefinition): WheelDefinition {
  return {
    ...w,
    name: w.name.trim(),
    segments: w.segments.map((s) => ({
      ...s,
      label: s.label.trim(),
      prize: s.prize.kind === "Nothing" ? { kind: "Nothing", amount: 0, poolId: null }
        : s.prize.kind === "Code" ? { kind: "Code", amount: 1, poolId: s.prize.poolId?.trim() || null }
        : { kind: s.prize.kind, amount: s.prize.amount, poolId: null },
    })),
  };
}
