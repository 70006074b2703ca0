import {
  dataRowNumber,
  municipalCoordinatorLogin,
  ROW_KEY,
  type Contact,
  type FieldChange,
  type FormRow,
} from '@oko/shared';
import { cellText, collapseSpaces } from './cell-text.ts';
import type { MunicipalityRow } from './registration.repository.ts';
import { CONTACT_KEYS, CONTACT_TITLES } from './templates/coordinators.ts';

/**
 * The coordinators list as a pure function: each municipality's row against its coordinator account.
 * An empty row changes nothing; a filled one sets the contact, creating the account when there is none.
 * Partly filled rows and bad phones or e-mails never get here: the template's rules refuse them.
 */

export interface CoordinatorPlan {
  row: number;
  municipalityId: string;
  municipalityCode: string;
  municipality: string;
  login: string;
  userId: string | null;
  contact: Contact;
  changes: FieldChange[];
}

export interface CoordinatorsPlan {
  created: CoordinatorPlan[];
  updated: CoordinatorPlan[];
  unchanged: CoordinatorPlan[];
  empty: number;
}

export function diffCoordinators(
  regionCode: string,
  rows: FormRow[],
  municipalities: MunicipalityRow[],
): CoordinatorsPlan {
  const byCode = new Map(rows.map((r) => [String(r[ROW_KEY] ?? ''), r]));
  const plan: CoordinatorsPlan = { created: [], updated: [], unchanged: [], empty: 0 };
  municipalities.forEach((m, index) => {
    const row = byCode.get(m.code);
    const contact: Contact = {
      fullName: cellText(row?.fullName),
      position: cellText(row?.position),
      phone: cellText(row?.phone),
      email: cellText(row?.email),
    };
    if (!row || CONTACT_KEYS.every((k) => contact[k] === '')) {
      plan.empty++;
      return;
    }
    const current: Record<(typeof CONTACT_KEYS)[number], string> = {
      fullName: m.full_name ?? '',
      position: m.position ?? '',
      phone: m.phone ?? '',
      email: m.email ?? '',
    };
    const changes = CONTACT_KEYS.filter((k) => contact[k] !== collapseSpaces(current[k])).map((k) => ({
      field: CONTACT_TITLES[k],
      before: current[k],
      after: contact[k],
    }));
    const item: CoordinatorPlan = {
      row: dataRowNumber(index),
      municipalityId: m.id,
      municipalityCode: m.code,
      municipality: m.name,
      login: m.coordinator_login ?? municipalCoordinatorLogin(regionCode, m.code),
      userId: m.coordinator_id,
      contact,
      changes,
    };
    if (!m.coordinator_id) plan.created.push(item);
    else if (changes.length > 0) plan.updated.push(item);
    else plan.unchanged.push(item);
  });
  return plan;
}
