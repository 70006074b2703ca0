import { useState } from 'react';
import { api } from '../api/client';
import type { Contact, IssuedCredential, IssueResult, Region, RegionCoordinatorKind, RegionList } from '../api/types';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { can } from '../auth/access';
import { ContactForm } from '../components/ContactForm';
import { CredentialsPanel } from '../components/CredentialsPanel';
import { FilterBox } from '../components/FilterBox';
import { Modal } from '../components/Modal';
import { filterRegions, RegionsTable } from '../components/RegionsTable';
import { Loaded, usePageTitle } from '../components/states';

const KINDS: { value: RegionCoordinatorKind; title: string }[] = [
  { value: 'region_coordinator', title: 'Региональный координатор ВПР' },
  { value: 'spo_region_coordinator', title: 'Региональный координатор ВПР СПО' },
];

export function RegionsPage() {
  usePageTitle('Регионы');
  const me = useMe();
  const regions = useResource<RegionList>('/api/regions');
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<Region | null>(null);
  const [kind, setKind] = useState<RegionCoordinatorKind>('region_coordinator');
  const [issued, setIssued] = useState<IssuedCredential[] | null>(null);
  const mayIssue = can(me, 'account.issue');

  const issue = async (region: Region, contact: Contact) => {
    const res = await api.post<IssueResult>(`/api/regions/${region.code}/coordinators`, { kind, contact });
    setTarget(null);
    setIssued([res.credential]);
    regions.reload();
  };

  return (
    <div>
      <h1>Регионы</h1>
      <p className="lead">
        Реквизиты регионального координатора выдаются вместе с его контактными данными. Если учётная запись уже есть, ей
        будет выдан новый пароль.
      </p>
      {issued && <CredentialsPanel credentials={issued} onClose={() => setIssued(null)} />}
      <Loaded res={regions} what="регионы">
        {(d) => {
          const shown = filterRegions(d.regions, query);
          return (
            <>
              <FilterBox
                id="region-filter"
                label="Поиск региона (код или название)"
                value={query}
                onChange={setQuery}
                found={shown.length}
              />
              <RegionsTable
                regions={shown}
                action={
                  mayIssue
                    ? (r) => (
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => {
                            setKind('region_coordinator');
                            setTarget(r);
                          }}
                        >
                          Выдать реквизиты координатора
                        </button>
                      )
                    : undefined
                }
              />
            </>
          );
        }}
      </Loaded>
      {target && (
        <Modal title={`Реквизиты координатора: ${target.name}`} onClose={() => setTarget(null)}>
          <ContactForm
            idPrefix="rc"
            submitText="Выдать реквизиты"
            onSubmit={(c) => issue(target, c)}
            onCancel={() => setTarget(null)}
          >
            <div className="field">
              <label htmlFor="rc-kind">Роль</label>
              <select id="rc-kind" value={kind} onChange={(e) => setKind(e.target.value as RegionCoordinatorKind)}>
                {KINDS.map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.title}
                  </option>
                ))}
              </select>
            </div>
          </ContactForm>
        </Modal>
      )}
    </div>
  );
}
