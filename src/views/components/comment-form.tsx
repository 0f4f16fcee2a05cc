/**
 * The comment form: works without JavaScript, labels always visible, limits equal to the server's,
 * and on failure every message next to its field with everything typed still there.
 */
import type { Child } from 'hono/jsx';
import { articlePath } from '../../urls.ts';
import { COMMENT_LIMITS } from '../../validation/comment.ts';

/** The form's fields. `fax` is the honeypot: hidden from people and assistive technology, filled only by bots. */
export type CommentField = 'name' | 'email' | 'url' | 'body' | 'parent_id';

/** What the form shows: typed values, field errors and any other problem, all in Arabic. */
export interface CommentFormState {
  values: Partial<Record<CommentField, string>>;
  errors: Partial<Record<CommentField, string>>;
  /** A failure that is not one field's (closed, duplicate, too fast). */
  alert?: string;
  /** The approved comment being answered, in reply mode. */
  replyTo?: { id: number; authorName: string } | null;
}

/**
 * Id of the error summary (or the refusal message). The form posts to this fragment: a re-rendered form is scrolled
 * to it and focuses it, which autofocus alone cannot do once a fragment is in the URL; a 303 brings its own fragment.
 */
const FORM_STATUS_ID = 'form-status';

/** The empty form. */
export const EMPTY_FORM: CommentFormState = { values: {}, errors: {} };

const FIELD_LABELS: Record<Exclude<CommentField, 'parent_id'>, string> = {
  name: 'الاسم',
  email: 'البريد الإلكتروني',
  url: 'الموقع الإلكتروني',
  body: 'التعليق',
};

function Field(props: {
  field: Exclude<CommentField, 'parent_id'>;
  state: CommentFormState;
  required?: boolean;
  hint?: string;
  children: (attributes: Record<string, string | boolean | undefined>) => Child;
}) {
  const { field, state, required } = props;
  const error = state.errors[field];
  const describedBy = [error ? `error-${field}` : '', props.hint ? `hint-${field}` : ''].filter(Boolean).join(' ');
  return (
    <p class={error ? 'field invalid' : 'field'}>
      <label for={`field-${field}`}>
        {FIELD_LABELS[field]}
        {required ? <span class="required"> *</span> : null}
      </label>
      {props.hint ? (
        <span class="hint" id={`hint-${field}`}>
          {props.hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={`error-${field}`}>
          {error}
        </span>
      ) : null}
      {props.children({
        id: `field-${field}`,
        name: field,
        required: required || undefined,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': describedBy || undefined,
      })}
    </p>
  );
}

/** The form, or a notice that comments are closed. */
export function CommentForm({ slug, open, state }: { slug: string; open: boolean; state: CommentFormState }) {
  if (!open)
    return (
      <p class="form-alert" {...(state.alert ? { role: 'alert' } : {})}>
        أُغلق باب التعليق على هذا المقال.
      </p>
    );
  const errors = Object.entries(state.errors) as Array<[CommentField, string]>;
  const { values, replyTo } = state;
  return (
    <>
      {errors.length > 0 ? (
        <div class="error-summary" role="alert" id={FORM_STATUS_ID} tabindex={-1} autofocus>
          <p>
            <strong>تعذّر إرسال التعليق، يرجى تصحيح ما يلي:</strong>
          </p>
          <ul>
            {errors.map(([field, message]) => (
              <li>
                <a href={`#field-${field === 'parent_id' ? 'body' : field}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.alert ? (
        <p class="form-alert" role="alert" id={FORM_STATUS_ID} tabindex={-1} autofocus>
          {state.alert}
        </p>
      ) : null}
      {replyTo ? (
        <p class="replying">
          تردّ على <bdi>{replyTo.authorName}</bdi> (<a href={`${articlePath(slug)}#respond`}>إلغاء الرد</a>)
        </p>
      ) : null}
      <form method="post" action={`${articlePath(slug)}/comments#${FORM_STATUS_ID}`} class="comment-form">
        <Field field="name" state={state} required>
          {(a) => (
            <input {...a} type="text" maxlength={COMMENT_LIMITS.name} autocomplete="name" dir="auto" value={values.name ?? ''} />
          )}
        </Field>
        <Field field="email" state={state} required>
          {(a) => (
            <input
              {...a}
              type="email"
              maxlength={COMMENT_LIMITS.email}
              autocomplete="email"
              dir="ltr"
              value={values.email ?? ''}
            />
          )}
        </Field>
        <Field field="url" state={state}>
          {(a) => (
            <input {...a} type="url" maxlength={COMMENT_LIMITS.url} autocomplete="url" dir="ltr" value={values.url ?? ''} />
          )}
        </Field>
        <Field field="body" state={state} required>
          {(a) => (
            <textarea {...a} rows={8} maxlength={COMMENT_LIMITS.body} dir="auto">
              {values.body ?? ''}
            </textarea>
          )}
        </Field>
        <div class="hp" aria-hidden="true">
          <label for="field-fax">اترك هذا الحقل فارغاً</label>
          <input id="field-fax" name="fax" type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        {replyTo ? <input type="hidden" name="parent_id" value={String(replyTo.id)} /> : null}
        <p>
          <button type="submit">أرسل التعليق</button>
        </p>
      </form>
    </>
  );
}
