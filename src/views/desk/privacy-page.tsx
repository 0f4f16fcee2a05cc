/**
 * The desk's personal-data page (GDPR article 15): a moderator types a reader's email and downloads every comment
 * with that email, in any status, as the JSON file the admin API's export answers with.
 */
import { DeskLayout } from './desk-layout.tsx';
import type { DeskUser } from './desk-pages.tsx';

/** The export form; `error` and the email as typed when it was refused. */
export function PrivacyPage({ user, error, email = '' }: { user: DeskUser; error?: string; email?: string }) {
  return (
    <DeskLayout title={`${error ? 'خطأ: ' : ''}البيانات الشخصية`} moderator={user} current="privacy">
      <h1>البيانات الشخصية</h1>
      <p class="notice">
        نسخة من كل تعليقات صاحب البريد بكل حالاتها، مع تواريخها ونصوصها وموقعه ومتصفحه وبصمة عنوانه وسجل مراجعتها، في ملف JSON.
      </p>
      <form method="post" action="/admin/privacy/export">
        <input type="hidden" name="csrf" value={user.csrf} />
        <div class="field">
          <label for="privacy-email">البريد الإلكتروني</label>
          {error ? (
            <p class="form-alert" role="alert" id="privacy-email-error">
              {error}
            </p>
          ) : null}
          <input
            type="email"
            id="privacy-email"
            name="email"
            dir="ltr"
            required
            autocomplete="off"
            value={email}
            {...(error ? { 'aria-invalid': 'true', 'aria-describedby': 'privacy-email-error' } : {})}
          />
        </div>
        <button type="submit">نزّل البيانات</button>
      </form>
    </DeskLayout>
  );
}
