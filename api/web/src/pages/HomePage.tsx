import { useState } from "preact/hooks";
import { navigate } from "../router";
import { session } from "../api/session";
import { useStore } from "../store";
import { t } from "../i18n";
import { Field } from "../components/Field";

export const pinPattern = /^\d{6}$/;

export function PinForm({ initial = "" }: { initial?: string }) {
  const [pin, setPin] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="pin-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const clean = pin.replace(/\s/g, "");
        if (!pinPattern.test(clean)) setError(t("join.pinInvalid"));
        else navigate(`/join?pin=${clean}`);
      }}
    >
      <Field
        label={t("join.pinLabel")}
        name="pin"
        inputMode="numeric"
        autoComplete="off"
        maxLength={7}
        value={pin}
        error={error}
        data-testid="pin-input"
        onInput={(e) => setPin((e.target as HTMLInputElement).value)}
      />
      <button type="submit" class="primary big">{t("join.enter")}</button>
    </form>
  );
}

export function HomePage() {
  const { user } = useStore(session.state);
  return (
    <section class="home">
      <h1>{t("home.title")}</h1>
      <p class="lead">{t("home.lead")}</p>
      <PinForm />
      {!user && (
        <p class="or">
          <a href="/login">{t("nav.login")}</a> · <a href="/signup">{t("nav.signup")}</a>
        </p>
      )}
      {user?.roles.includes("host") && <p><a class="button" href="/host">{t("home.hostCta")}</a></p>}
      {user?.isGuest && <p class="hint" data-testid="guest-hint">{t("home.guestHint")} <a href="/signup">{t("nav.signup")}</a></p>}
    </section>
  );
}
