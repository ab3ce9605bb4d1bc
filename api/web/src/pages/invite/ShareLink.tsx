import { useEffect, useRef, useState } from "preact/hooks";
import { QrCode } from "../../components/QrCode";
import { t } from "../../i18n";

/** Copies with the Clipboard API, else with a selected text field and execCommand (older or insecure contexts). */
async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions, insecure origin): try the old way below.
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

/** The personal link: shown read-only, copy, native share where the browser has it, and a QR code. */
export function ShareLink({ link, code, campaignName }: { link: string; code: string | null; campaignName: string }) {
  const field = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const say = (text: string) => {
    setMessage(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(""), 4000);
  };
  const canShare = typeof navigator.share === "function";

  return (
    <section class="card invite-link" aria-labelledby="invite-link-title">
      <h2 id="invite-link-title">{t("invite.link.title")}</h2>
      <label for="invite-link-field">{t("invite.link.label")}</label>
      <input id="invite-link-field" ref={field} class="invite-link-field" type="text" readOnly value={link} data-testid="invite-link"
        onFocus={(e) => (e.target as HTMLInputElement).select()} />
      {code && <p class="hint">{t("invite.link.code", { code })}</p>}
      <div class="actions">
        <button type="button" class="primary" data-testid="copy-link"
          onClick={async () => say((await copyText(link, field.current)) ? t("invite.link.copied") : t("invite.link.copyFailed"))}>
          {t("invite.link.copy")}
        </button>
        {canShare && (
          <button type="button" data-testid="share-link" onClick={async () => {
            try {
              await navigator.share({ title: t("invite.share.title"), text: t("invite.share.text", { campaign: campaignName }), url: link });
            } catch {
              // Cancelled by the user, or refused: nothing to say.
            }
          }}>{t("invite.link.share")}</button>
        )}
      </div>
      <p class="invite-copied" role="status" aria-live="polite" data-testid="copy-status">{message}</p>
      <div class="invite-qr">
        <QrCode value={link} label={t("invite.link.qr")} />
      </div>
    </section>
  );
}
