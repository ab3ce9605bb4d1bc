import { useState } from "preact/hooks";
import { navigate, routeStore } from "../router";
import { session } from "../api/session";
import { ApiError } from "../api/errors";
import { errorText, localeStore, t, type MessageKey } from "../i18n";
import { Alert, Field } from "../components/Field";
import { useStore } from "../store";

/** Only paths inside the app: a next= parameter must never send the user to another site. */
export function safeNext(value: string | null): string {
  return value && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

function fieldError(error: ApiError | null, field: string): string | null {
  const messages = error?.fields[field];
  if (!messages?.length) return null;
  const key = `field.${field}.${error!.code}` as MessageKey;
  return t(key) !== key ? t(key) : t(`field.${field}` as MessageKey);
}

export function LoginPage() {
  const { query } = useStore(routeStore);
  const next = safeNext(query.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section class="card narrow">
      <h1>{t("login.title")}</h1>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            await session.login(email.trim(), password);
            navigate(next, true);
          } catch (err) {
            setError(err instanceof ApiError ? err : new ApiError(0, "network"));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Alert message={error && !Object.keys(error.fields).length ? errorText(error.code) : null} />
        <Field label={t("field.emailLabel")} type="email" name="email" autoComplete="username" required value={email}
          error={fieldError(error, "email")} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
        <Field label={t("field.passwordLabel")} type="password" name="password" autoComplete="current-password" required value={password}
          error={fieldError(error, "password")} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        <button type="submit" class="primary" disabled={busy}>{t("login.submit")}</button>
      </form>
      <p>{t("login.noAccount")} <a href={`/signup?next=${encodeURIComponent(next)}`}>{t("nav.signup")}</a></p>
    </section>
  );
}

export function SignupPage() {
  const { query } = useStore(routeStore);
  const { user } = useStore(session.state);
  // A guest keeps their id (and so their history and rewards) by upgrading instead of registering anew.
  const upgrading = user?.isGuest ?? false;
  const next = safeNext(query.get("next"));
  // A referral link (/r/CODE) lands here as ?ref=CODE; the code is kept and sent with the signup.
  const [form, setForm] = useState({ displayName: "", email: "", password: "", referralCode: query.get("ref") ?? "" });
  const deadLink = query.get("ref_error") === "unknown_code";
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (e: Event) => setForm({ ...form, [field]: (e.target as HTMLInputElement).value });
  return (
    <section class="card narrow">
      <h1>{upgrading ? t("signup.upgradeTitle") : t("signup.title")}</h1>
      <p>{upgrading ? t("signup.upgradeLead") : t("signup.lead")}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            const code = form.referralCode.trim() || undefined;
            if (upgrading) await session.upgrade(form.email.trim(), form.password, code);
            else await session.register(form.email.trim(), form.password, form.displayName.trim(), localeStore.get(), code);
            navigate(next, true);
          } catch (err) {
            setError(err instanceof ApiError ? err : new ApiError(0, "network"));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Alert message={error && !Object.keys(error.fields).length ? errorText(error.code) : deadLink ? t("signup.deadReferralLink") : null} />
        {!upgrading && (
          <Field label={t("field.displayNameLabel")} name="displayName" autoComplete="nickname" required maxLength={40} value={form.displayName}
            error={fieldError(error, "displayName")} onInput={set("displayName")} />
        )}
        <Field label={t("field.emailLabel")} type="email" name="email" autoComplete="email" required value={form.email}
          error={fieldError(error, "email")} onInput={set("email")} />
        <Field label={t("field.passwordLabel")} type="password" name="password" autoComplete="new-password" required minLength={8} maxLength={128}
          hint={t("signup.passwordHint")} value={form.password} error={fieldError(error, "password")} onInput={set("password")} />
        <Field label={t("field.referralCodeLabel")} name="referralCode" autoComplete="off" maxLength={64} value={form.referralCode}
          hint={t("signup.referralCodeHint")} error={fieldError(error, "referralCode")} onInput={set("referralCode")} />
        <button type="submit" class="primary" disabled={busy}>{t("signup.submit")}</button>
      </form>
      <p>{t("signup.haveAccount")} <a href={`/login?next=${encodeURIComponent(next)}`}>{t("nav.login")}</a></p>
    </section>
  );
}
