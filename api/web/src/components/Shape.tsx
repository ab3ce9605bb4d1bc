import { t, type MessageKey } from "../i18n";

/** Answer positions have a colour AND a shape, so no answer is told apart by colour alone. */
const paths = [
  "M12 3 22 20H2Z", // triangle
  "M12 2 22 12 12 22 2 12Z", // diamond
  "M12 2a10 10 0 1 0 0.01 0Z", // circle
  "M3 3h18v18H3Z", // square
  "M12 2l2.9 6.3 6.9.8-5.1 4.7 1.4 6.8L12 17.3 5.9 20.6l1.4-6.8L2.2 9.1l6.9-.8Z", // star
  "M7 3h10l5 9-5 9H7l-5-9Z", // hexagon
];

export const shapeCount = paths.length;

export function shapeName(position: number): string {
  return t(`shape.${position % paths.length}` as MessageKey);
}

export function Shape({ position }: { position: number }) {
  return (
    <svg class="shape" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[position % paths.length]} />
    </svg>
  );
}
