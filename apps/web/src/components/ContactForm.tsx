import { useState, type FormEvent, type ReactNode } from 'react';
import { toApiError } from '../api/client';
import type { Contact } from '../api/types';
import { Field } from './Field';

type Errors = Partial<Record<keyof Contact, string>>;

const EMPTY: Contact = { fullName: '', position: '', phone: '', email: '' };
const FIELDS: { key: keyof Contact; label: string; type: string; autoComplete: string; hint?: string }[] = [
  { key: 'fullName', label: 'ФИО', type: 'text', autoComplete: 'name' },
  { key: 'position', label: 'Должность', type: 'text', autoComplete: 'organization-title' },
  { key: 'phone', label: 'Телефон', type: 'tel', autoComplete: 'tel', hint: 'Например: +7 (4012) 00-00-00' },
  { key: 'email', label: 'Электронная почта', type: 'email', autoComplete: 'email' },
];

function check(c: Contact): Errors {
  const errors: Errors = {};
  if (!c.fullName.trim()) errors.fullName = 'Укажите ФИО';
  if (!c.position.trim()) errors.position = 'Укажите должность';
  if (!/^[+\d][\d\s()-]{5,24}$/.test(c.phone.trim())) errors.phone = 'Телефон: цифры, пробелы, скобки и дефисы';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email.trim())) errors.email = 'Неверный адрес электронной почты';
  return errors;
}

/** The contact of a coordinator: who answers for the account. Server errors land under their fields. */
export function ContactForm(props: {
  idPrefix: string;
  initial?: Contact | null;
  submitText: string;
  onSubmit: (contact: Contact) => Promise<void>;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const [value, setValue] = useState<Contact>(props.initial ?? EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check(value);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await props.onSubmit({
        fullName: value.fullName.trim(),
        position: value.position.trim(),
        phone: value.phone.trim(),
        email: value.email.trim(),
      });
    } catch (err) {
      const apiError = toApiError(err);
      const fieldErrors: Errors = {};
      for (const d of apiError.details) {
        const key = FIELDS.find((f) => d.path.endsWith(`.${f.key}`))?.key;
        if (key) fieldErrors[key] = d.message;
      }
      setErrors(fieldErrors);
      setFormError(apiError.message);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {props.children}
      {FIELDS.map((f) => (
        <Field
          key={f.key}
          id={`${props.idPrefix}-${f.key}`}
          label={f.label}
          type={f.type}
          autoComplete={f.autoComplete}
          hint={f.hint}
          value={value[f.key]}
          error={errors[f.key]}
          onChange={(e) => setValue({ ...value, [f.key]: e.target.value })}
        />
      ))}
      {formError && (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      )}
      <div className="modal-actions">
        <button type="button" className="btn" onClick={props.onCancel} disabled={busy}>
          Отмена
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Выполняется…' : props.submitText}
        </button>
      </div>
    </form>
  );
}
