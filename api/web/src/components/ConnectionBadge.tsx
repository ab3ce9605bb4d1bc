import { hub, type ConnectionState } from "../live/hub";
import { useStore } from "../store";
import { t, type MessageKey } from "../i18n";

/** Always visible during a game: players must know when they are cut off and when they are back. */
export function ConnectionBadge() {
  const state: ConnectionState = useStore(hub.state);
  if (state === "idle") return null;
  return (
    <p class={`connection connection-${state}`} role="status" data-testid="connection" data-state={state}>
      <span class="dot" aria-hidden="true" />
      {t(`connection.${state}` as MessageKey)}
    </p>
  );
}
