import { useEffect, useState } from "preact/hooks";
import { navigate, routeStore } from "../router";
import { session } from "../api/session";
import { api, ApiError } from "../api/http";
import type { RoomLookup } from "../api/types";
import { roomClient } from "../live/room";
import { HubError } from "../live/hub";
import { errorText, localeStore, t } from "../i18n";
import { useStore } from "../store";
import { Alert, Field } from "../components/Field";
import { PinForm, pinPattern } from "./HomePage";

/**
 * /join?pin=123456 (typed, linked or scanned): choose a nickname and take a seat. Someone not
 * signed in plays as a guest with the nickname as display name, or signs in first.
 */
export function JoinPage() {
  const { query } = useStore(routeStore);
  const { user, status } = useStore(session.state);
  const pin = (query.get("pin") ?? "").trim();
  const [nickname, setNickname] = useState("");
  const [room, setRoom] = useState<RoomLookup | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (user && !nickname) setNickname(user.displayName.slice(0, 20));
  }, [user]);

  // Signed-in users see the quiz title before choosing a nickname (the lookup needs a token).
  useEffect(() => {
    setRoom(null);
    if (status === "signedIn" && pinPattern.test(pin)) {
      api<RoomLookup>("GET", `/api/rooms/pin/${pin}`).then(setRoom, (e) => setError(errorText(e instanceof ApiError ? e.code : "")));
    }
  }, [pin, status]);

  if (!pinPattern.test(pin)) {
    return (
      <section class="card narrow">
        <h1>{t("join.title")}</h1>
        <PinForm initial={pin} />
      </section>
    );
  }

  const join = async (e: Event) => {
    e.preventDefault();
    const name = nickname.trim();
    if (name.length < 2 || name.length > 20) {
      setError(t("error.nickname_invalid"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (!session.signedIn()) await session.guest(name, localeStore.get());
      const found = room ?? (await api<RoomLookup>("GET", `/api/rooms/pin/${pin}`));
      await roomClient(found.roomId).join(pin, name);
      navigate(`/play/${found.roomId}`);
    } catch (err) {
      setError(errorText(err instanceof HubError || err instanceof ApiError ? err.code : ""));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card narrow join">
      <h1>{t("join.title")}</h1>
      <p class="pin-line">{t("join.pinIs")} <strong data-testid="join-pin">{pin}</strong></p>
      {room && <p class="quiz-title" data-testid="join-quiz">{t("join.quiz", { title: room.quizTitle, count: room.questionCount })}</p>}
      <form onSubmit={join} noValidate>
        <Alert message={error} />
        <Field label={t("join.nickname")} name="nickname" autoComplete="nickname" required minLength={2} maxLength={20}
          value={nickname} data-testid="nickname" onInput={(e) => setNickname((e.target as HTMLInputElement).value)} />
        <button type="submit" class="primary big" disabled={busy} data-testid="join-submit">
          {user ? t("join.submit") : t("join.asGuest")}
        </button>
      </form>
      {!user && (
        <p class="or">
          {t("join.orAccount")} <a href={`/login?next=${encodeURIComponent(`/join?pin=${pin}`)}`}>{t("nav.login")}</a> ·{" "}
          <a href={`/signup?next=${encodeURIComponent(`/join?pin=${pin}`)}`}>{t("nav.signup")}</a>
        </p>
      )}
    </section>
  );
}
