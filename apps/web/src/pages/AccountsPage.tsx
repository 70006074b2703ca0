import { useState } from 'react';
import { api, toApiError } from '../api/client';
import type { Account, AccountList, BulkIssueResult, Contact, IssuedCredential, IssueResult, Role } from '../api/types';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { can, canIssue } from '../auth/access';
import { ContactForm } from '../components/ContactForm';
import { CredentialsPanel, type CredentialFiles } from '../components/CredentialsPanel';
import { DateTime } from '../components/DateTime';
import { FilterBox } from '../components/FilterBox';
import { ConfirmDialog, Modal } from '../components/Modal';
import { Empty, Loaded, usePageTitle } from '../components/states';
import { plural } from '../format';

const COORDINATOR_ROLES: Role[] = ['region_coordinator', 'spo_region_coordinator', 'municipal_coordinator'];

interface Issued {
  credentials: IssuedCredential[];
  files: CredentialFiles | null;
}

type Pending = { kind: 'bulk'; ids: string[] } | { kind: 'reissue'; account: Account };

function filterAccounts(accounts: Account[], query: string): Account[] {
  const q = query.trim().toLowerCase();
  if (!q) return accounts;
  return accounts.filter((a) =>
    [a.login, a.organizationName, a.roleTitle, a.contact?.fullName ?? ''].some((s) => s.toLowerCase().includes(q)),
  );
}

export function AccountsPage() {
  usePageTitle('Учётные записи');
  const me = useMe();
  const accounts = useResource<AccountList>('/api/accounts');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [issued, setIssued] = useState<Issued | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [editing, setEditing] = useState<Account | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tz = me.organization.timeZone;

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  const closePending = () => {
    setPending(null);
    setError(null);
  };

  const run = async (p: Pending) => {
    setBusy(true);
    setError(null);
    try {
      switch (p.kind) {
        case 'bulk': {
          const res = await api.post<BulkIssueResult>('/api/accounts/bulk-issue', { userIds: p.ids });
          setIssued({ credentials: res.credentials, files: res });
          setSelected(new Set());
          break;
        }
        case 'reissue': {
          const res = await api.post<IssueResult>(`/api/accounts/${p.account.id}/reissue`);
          setIssued({ credentials: [res.credential], files: null });
          break;
        }
      }
      setPending(null);
      accounts.reload();
      window.scrollTo(0, 0);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const saveContact = async (account: Account, contact: Contact) => {
    await api.put<Account>(`/api/accounts/${account.id}/contact`, { contact });
    setEditing(null);
    accounts.reload();
  };

  return (
    <div>
      <h1>Учётные записи</h1>
      <p className="lead">
        Учётные записи подчинённых организаций и координаторов. Реквизиты выдаются новым паролем: прежний пароль
        перестаёт действовать, при первом входе пароль нужно сменить.
      </p>
      {issued && (
        <CredentialsPanel credentials={issued.credentials} files={issued.files} onClose={() => setIssued(null)} />
      )}
      <Loaded res={accounts} what="учётные записи">
        {(d) => {
          if (d.accounts.length === 0) return <Empty>Подчинённых учётных записей пока нет.</Empty>;
          const shown = filterAccounts(d.accounts, query);
          const issuable = shown.filter((a) => canIssue(me, a.role));
          const chosen = d.accounts.filter((a) => selected.has(a.id)).map((a) => a.id);
          const allChosen = issuable.length > 0 && issuable.every((a) => selected.has(a.id));
          const pendingCount = d.accounts.filter((a) => a.mustChangePassword).length;
          return (
            <>
              <p>
                Всего: {d.accounts.length}. Ещё не сменили выданный пароль: {pendingCount}.
              </p>
              <div className="toolbar">
                <FilterBox
                  id="account-filter"
                  label="Поиск (логин, организация, ФИО)"
                  value={query}
                  onChange={setQuery}
                  found={shown.length}
                />
                {can(me, 'account.issue') && (
                  <div className="toolbar-actions">
                    <span className="muted">Выбрано: {chosen.length}</span>
                    <button
                      type="button"
                      className="btn btn-primary"
                      disabled={chosen.length === 0}
                      onClick={() => setPending({ kind: 'bulk', ids: chosen })}
                    >
                      Выдать реквизиты выбранным
                    </button>
                  </div>
                )}
              </div>
              <div className="table-wrap">
                <table className="table table-accounts" aria-label="Учётные записи">
                  <thead>
                    <tr>
                      <th className="check">
                        {issuable.length > 0 && (
                          <>
                            <label htmlFor="acc-all" className="sr-only">
                              Выбрать все показанные
                            </label>
                            <input
                              id="acc-all"
                              type="checkbox"
                              checked={allChosen}
                              onChange={(e) => {
                                const next = new Set(selected);
                                for (const a of issuable) {
                                  if (e.target.checked) next.add(a.id);
                                  else next.delete(a.id);
                                }
                                setSelected(next);
                              }}
                            />
                          </>
                        )}
                      </th>
                      <th>Логин</th>
                      <th>Организация и роль</th>
                      <th>Контакт</th>
                      <th>Пароль сменён?</th>
                      <th>Последний вход</th>
                      <th>Действия</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((a) => {
                      const mayIssue = canIssue(me, a.role);
                      const mayEdit = can(me, 'account.update') && COORDINATOR_ROLES.includes(a.role);
                      return (
                        <tr key={a.id} className={selected.has(a.id) ? 'row-selected' : undefined}>
                          <td className="check">
                            {mayIssue && (
                              <>
                                <label htmlFor={`acc-${a.id}`} className="sr-only">
                                  Выбрать {a.login}
                                </label>
                                <input
                                  id={`acc-${a.id}`}
                                  type="checkbox"
                                  checked={selected.has(a.id)}
                                  onChange={(e) => toggle(a.id, e.target.checked)}
                                />
                              </>
                            )}
                          </td>
                          <td className="mono">{a.login}</td>
                          <td>
                            <div>{a.organizationName}</div>
                            <div className="muted small">{a.roleTitle}</div>
                          </td>
                          <td className="contact">
                            {a.contact ? (
                              <>
                                <div>{a.contact.fullName}</div>
                                <div className="muted small">{a.contact.position}</div>
                                <div className="small">{a.contact.phone}</div>
                                <div className="small">{a.contact.email}</div>
                              </>
                            ) : (
                              <span className="muted">—</span>
                            )}
                          </td>
                          <td>
                            {a.mustChangePassword ? (
                              <span className="badge badge-warn">Нет</span>
                            ) : (
                              <span className="badge badge-ok">Да</span>
                            )}
                          </td>
                          <td>
                            {a.lastLoginAt ? (
                              <DateTime iso={a.lastLoginAt} timeZone={tz} />
                            ) : (
                              <span className="muted">не входил</span>
                            )}
                          </td>
                          <td className="actions">
                            {mayIssue && (
                              <button
                                type="button"
                                className="btn btn-small"
                                onClick={() => setPending({ kind: 'reissue', account: a })}
                              >
                                Перевыпустить пароль
                              </button>
                            )}
                            {mayEdit && (
                              <button type="button" className="btn btn-small" onClick={() => setEditing(a)}>
                                Изменить контакт
                              </button>
                            )}
                            {!mayIssue && !mayEdit && <span className="muted">—</span>}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Loaded>

      {pending && (
        <ConfirmDialog
          title={pending.kind === 'bulk' ? 'Выдать реквизиты' : 'Перевыпустить пароль'}
          confirmText={pending.kind === 'bulk' ? 'Выдать' : 'Перевыпустить'}
          busy={busy}
          error={error}
          onConfirm={() => void run(pending)}
          onCancel={closePending}
        >
          {pending.kind === 'bulk' ? (
            <p>
              Будут выданы новые пароли для {pending.ids.length}{' '}
              {plural(pending.ids.length, 'учётной записи', 'учётных записей', 'учётных записей')}. Прежние пароли
              перестанут действовать, а открытые сеансы этих учётных записей будут завершены.
            </p>
          ) : (
            <p>
              Учётной записи <b>{pending.account.login}</b> ({pending.account.organizationName}) будет выдан новый
              пароль. Прежний пароль перестанет действовать, а все её открытые сеансы будут завершены.
            </p>
          )}
        </ConfirmDialog>
      )}
      {editing && (
        <Modal title={`Контакт: ${editing.login}`} onClose={() => setEditing(null)}>
          <ContactForm
            idPrefix="ec"
            initial={editing.contact}
            submitText="Сохранить"
            onSubmit={(c) => saveContact(editing, c)}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}
    </div>
  );
}
