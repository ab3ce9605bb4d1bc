import { t } from "../i18n";

export function NotFoundPage() {
  return (
    <section class="card">
      <h1>{t("notFound.title")}</h1>
      <p><a href="/">{t("notFound.home")}</a></p>
    </section>
  );
}
