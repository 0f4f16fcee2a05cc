/**
 * The desk's sign-in page: name and password, a CSRF token, and one message that never says which part was wrong.
 */
import { DeskLayout } from './desk-layout.tsx';

/** What the sign-in page shows. */
export interface SignInPageProps {
  token: string;
  /** Where to go after signing in (a desk path). */
  next: string;
  /** Why the last attempt failed, or why the reader was sent here. */
  alert?: string;
  name?: string;
}

/** The sign-in form. */
export function SignInPage({ token, next, alert, name = '' }: SignInPageProps) {
  return (
    <DeskLayout title="تسجيل الدخول">
      <h1>تسجيل الدخول إلى مكتب التحرير</h1>
      {alert ? (
        <p class="form-alert" role="alert" id="signin-status" tabindex={-1} autofocus>
          {alert}
        </p>
      ) : null}
      <form method="post" action="/admin/sign-in" class="signin">
        <input type="hidden" name="csrf" value={token} />
        <input type="hidden" name="next" value={next} />
        <p class="field">
          <label for="signin-name">اسم المشرف</label>
          <input type="text" id="signin-name" name="name" autocomplete="username" dir="auto" required value={name} />
        </p>
        <p class="field">
          <label for="signin-password">كلمة المرور</label>
          <input type="password" id="signin-password" name="password" autocomplete="current-password" dir="ltr" required />
        </p>
        <p>
          <button type="submit">دخول</button>
        </p>
      </form>
    </DeskLayout>
  );
}
