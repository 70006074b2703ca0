import type { Contact } from '@oko/shared';

interface ContactColumns {
  full_name: string | null;
  position: string | null;
  phone: string | null;
  email: string | null;
}

/** A coordinator's contact as stored in its columns; null until all of it is known. */
export function contactOf(r: ContactColumns): Contact | null {
  return r.full_name && r.position && r.phone && r.email
    ? { fullName: r.full_name, position: r.position, phone: r.phone, email: r.email }
    : null;
}

export const contactColumns = (c: Contact): ContactColumns => ({
  full_name: c.fullName,
  position: c.position,
  phone: c.phone,
  email: c.email,
});
