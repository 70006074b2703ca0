import { useState, type FormEvent } from 'react';
import { api, toApiError } from '../api/client';
import { Field } from '../components/Field';
import { usePageTitle } from '../components/states';
import { navigate } from '../router';
import { useAuth, useMe } from './AuthContext';

interface Errors {
  current?: string;
  next?: string;
  repeat?: string;
}

/** Voluntary change, or the forced one after a password was issued (then nothing else is reachable). */
export function ChangePasswordPage({ forced }: { forced: boolean }) {
  const title = forced ? 'Смена выданного пароля' : 'Смена пароля';
  usePageTitle(title);
  const me = useMe();
  const { refresh } = useAuth();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!form.current) found.current = 'Введите текущий пароль';
    if (form.next.length < 10) found.next = 'Новый пароль: не короче 10 символов';
    else if (form.next === form.current) found.next = 'Новый пароль должен отличаться от текущего';
    if (!found.next && form.repeat !== form.next) found.repeat = 'Пароли не совпадают';
    setErrors(found);
    setServerError(null);
    setDone(false);
    if (found.current || found.next || found.repeat) return;
    setBusy(true);
    try {
      await api.post('/api/me/password', { currentPassword: form.current, newPassword: form.next });
      setForm({ current: '', next: '', repeat: '' });
      setBusy(false);
      if (forced) {
        navigate('/', { replace: true });
        await refresh();
      } else setDone(true);
    } catch (err) {
      const apiError = toApiError(err);
      if (apiError.code === 'WRONG_PASSWORD') setErrors({ current: apiError.message });
      else setServerError(apiError.message);
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{title}</h1>
      {forced ? (
        <div className="alert alert-warning">
          Вы вошли с паролем, который выдал координатор. Чтобы продолжить работу, задайте собственный пароль — его
          будете знать только вы.
        </div>
      ) : (
        <p className="lead">После смены пароля все другие сеансы этой учётной записи будут завершены.</p>
      )}
      <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
        <input type="text" name="username" autoComplete="username" value={me.login} readOnly hidden />
        <Field
          id="cp-current"
          label={forced ? 'Выданный (текущий) пароль' : 'Текущий пароль'}
          type="password"
          autoComplete="current-password"
          value={form.current}
          error={errors.current}
          onChange={(e) => setForm({ ...form, current: e.target.value })}
        />
        <Field
          id="cp-new"
          label="Новый пароль"
          type="password"
          autoComplete="new-password"
          hint="Не короче 10 символов; символы хотя бы двух видов (буквы, цифры, знаки); не должен содержать логин."
          value={form.next}
          error={errors.next}
          onChange={(e) => setForm({ ...form, next: e.target.value })}
        />
        <Field
          id="cp-repeat"
          label="Новый пароль ещё раз"
          type="password"
          autoComplete="new-password"
          value={form.repeat}
          error={errors.repeat}
          onChange={(e) => setForm({ ...form, repeat: e.target.value })}
        />
        {serverError && (
          <div className="alert alert-error" role="alert">
            {serverError}
          </div>
        )}
        {done && (
          <div className="alert alert-success" role="status">
            Пароль изменён. Другие сеансы этой учётной записи завершены.
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Сохранение…' : 'Сменить пароль'}
        </button>
      </form>
    </div>
  );
}
