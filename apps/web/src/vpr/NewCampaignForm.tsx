import { useState, type FormEvent } from 'react';
import type { CampaignDetail } from '@oko/shared';
import { api, toApiError } from '../api/client';
import { Field } from '../components/Field';
import { navigate } from '../router';
import { campaignPath } from './access';

type Key = 'code' | 'title' | 'windowStart' | 'windowEnd';
const EMPTY: Record<Key, string> = { code: '', title: '', windowStart: '', windowEnd: '' };

/** «Новая кампания»: code, title and the federal window; the server checks it, the errors go under the fields. */
export function NewCampaignForm() {
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Key, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: Key) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      const created = await api.post<CampaignDetail>('/api/campaigns', values);
      navigate(campaignPath(created.id));
    } catch (err) {
      const apiError = toApiError(err);
      const byField: Partial<Record<Key, string>> = {};
      for (const d of apiError.details) {
        const key = d.path.split('.').pop() as Key;
        if (key in EMPTY && !byField[key]) byField[key] = d.message;
      }
      setErrors(byField);
      // the fields say what is wrong; the server's summary is for what no field shows
      setError(Object.keys(byField).length > 0 ? 'Исправьте поля, отмеченные красным.' : apiError.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel vpr-new" aria-labelledby="new-campaign-title">
      <h2 id="new-campaign-title">Новая кампания</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="vpr-form-grid">
          <Field
            id="campaign-title"
            label="Название"
            value={values.title}
            onChange={set('title')}
            error={errors.title}
            placeholder="ВПР 2027"
          />
          <Field
            id="campaign-code"
            label="Код"
            value={values.code}
            onChange={set('code')}
            error={errors.code}
            hint="Латинские строчные буквы, цифры и дефис, например vpr-2027"
          />
          <Field
            id="campaign-start"
            label="Начало окна проведения"
            type="date"
            value={values.windowStart}
            onChange={set('windowStart')}
            error={errors.windowStart}
          />
          <Field
            id="campaign-end"
            label="Окончание окна проведения"
            type="date"
            value={values.windowEnd}
            onChange={set('windowEnd')}
            error={errors.windowEnd}
          />
        </div>
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Создаём…' : 'Создать кампанию'}
        </button>
      </form>
    </section>
  );
}
