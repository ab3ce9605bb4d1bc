import { useEffect, useState } from "preact/hooks";
import { hub } from "../live/hub";
import { t } from "../i18n";

/** Seconds left until a server deadline, drawn against the server clock (never the device's own). */
export function Countdown({ deadline, total }: { deadline: number; total: number }) {
  const [now, setNow] = useState(hub.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(hub.now()), 200);
    return () => clearInterval(timer);
  }, [deadline]);
  const left = Math.max(0, deadline - now);
  const seconds = Math.ceil(left / 1000);
  return (
    <div class={seconds <= 5 ? "countdown urgent" : "countdown"}>
      <span class="countdown-number" data-testid="countdown" aria-hidden="true">{seconds}</span>
      <progress max={total * 1000} value={left} aria-label={t("play.timeLeft", { seconds })} />
    </div>
  );
}
