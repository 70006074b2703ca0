import { useState, type FormEvent } from 'react';
import { toApiError } from '../api/client';
import { Field } from '../components/Field';
import { usePageTitle } from '../components/states';
import { useAuth } from './AuthContext';

export function LoginPage({ notice }: { notice: string | null }) {
  usePageTitle('Вход');
  const { login } = useAuth();
  const [form, setForm] = useState({ login: '', password: '' });
  const [errors, setErrors] = useState<{ login?: string; password?: string }>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!form.login.trim()) found.login = 'Введите логин';
    if (!form.password) found.password = 'Введите пароль';
    setErrors(found);
    setServerError(null);
    if (found.login || found.password) return;
    setBusy(true);
    try {
      await login(form.login.trim(), form.password);
    } catch (err) {
      setServerError(toApiError(err).message);
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-mark brand-mark-dark">ОКО</span>
          <span>Оценка качества образования</span>
        </div>
        <h1>Вход в личный кабинет ОКО</h1>
        {notice && (
          <div className="alert alert-info" role="status">
            {notice}
          </div>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field
            id="login-login"
            label="Логин"
            autoComplete="username"
            autoCapitalize="off"
            spellCheck={false}
            value={form.login}
            error={errors.login}
            onChange={(e) => setForm({ ...form, login: e.target.value })}
          />
          <Field
            id="login-password"
            label="Пароль"
            type="password"
            autoComplete="current-password"
            value={form.password}
            error={errors.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
          <button type="submit" className="btn btn-primary btn-wide" disabled={busy}>
            {busy ? 'Вход…' : 'Войти'}
          </button>
          {serverError && (
            <div className="alert alert-error form-error" role="alert">
              {serverError}
            </div>
          )}
        </form>
        <div className="login-note">
          Логин и пароль вводятся с учётом регистра (заглавные и строчные буквы различаются). Реквизиты выдаёт
          координатор лично; не пересылайте логины и пароли по электронной почте.
        </div>
      </div>
    </div>
  );
}
