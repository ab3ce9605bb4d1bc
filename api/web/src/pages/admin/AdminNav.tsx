import type { ComponentChildren } from "preact";
import { routeStore } from "../../router";
import { useStore } from "../../store";
import { t, type MessageKey } from "../../i18n";
import "./admin.css";

const sections: { href: string; label: MessageKey }[] = [
  { href: "/admin", label: "admin.nav.ops" },
  { href: "/admin/campaigns", label: "admin.nav.campaigns" },
  { href: "/admin/review", label: "admin.nav.review" },
  { href: "/admin/wheels", label: "admin.nav.wheels" },
];

/** The admin console's frame: its own sub-navigation above each admin page. */
export function AdminFrame({ children }: { children: ComponentChildren }) {
  const { path } = useStore(routeStore);
  const current = (href: string) => (href === "/admin" ? path === "/admin" : path === href || path.startsWith(href + "/"));
  return (
    <div class="admin">
      <nav class="admin-nav" aria-label={t("admin.nav.label")}>
        <ul>
          {sections.map((s) => (
            <li key={s.href}><a href={s.href} aria-current={current(s.href) ? "page" : undefined}>{t(s.label)}</a></li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
