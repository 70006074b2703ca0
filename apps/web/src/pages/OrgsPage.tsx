import { useState } from 'react';
import { api, toApiError } from '../api/client';
import type {
  Contact,
  IssuedCredential,
  IssueResult,
  Municipality,
  MunicipalityList,
  Org,
  OrgList,
} from '../api/types';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { canIssue } from '../auth/access';
import { ContactForm } from '../components/ContactForm';
import { CredentialsPanel } from '../components/CredentialsPanel';
import { ConfirmDialog, Modal } from '../components/Modal';
import { MunicipalitiesTable } from '../components/MunicipalitiesTable';
import { OrgsSection } from '../components/OrgsSection';
import { Empty, Loaded, usePageTitle } from '../components/states';
import { Link } from '../router';

export function OrgsPage() {
  usePageTitle('Организации');
  const me = useMe();
  const orgs = useResource<OrgList>('/api/orgs');
  const issuesMunicipal = canIssue(me, 'municipal_coordinator');
  const municipalities = useResource<MunicipalityList>(issuesMunicipal ? '/api/municipalities' : null);
  const [issued, setIssued] = useState<IssuedCredential[] | null>(null);
  const [orgTarget, setOrgTarget] = useState<Org | null>(null);
  const [munTarget, setMunTarget] = useState<Municipality | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const issueOrg = async (org: Org) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<IssueResult>(`/api/orgs/${org.id}/account`);
      setOrgTarget(null);
      setIssued([res.credential]);
      orgs.reload();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const issueMunicipal = async (m: Municipality, contact: Contact) => {
    const res = await api.post<IssueResult>(`/api/municipalities/${m.id}/coordinator`, { contact });
    setMunTarget(null);
    setIssued([res.credential]);
    municipalities.reload();
  };

  return (
    <div>
      <h1>Организации</h1>
      {issued && <CredentialsPanel credentials={issued} onClose={() => setIssued(null)} />}

      {issuesMunicipal && (
        <section className="section">
          <h2>Муниципалитеты и их координаторы</h2>
          <Loaded res={municipalities} what="муниципалитеты">
            {(d) =>
              d.municipalities.length === 0 ? (
                <Empty>Муниципалитеты ещё не добавлены.</Empty>
              ) : (
                <MunicipalitiesTable
                  municipalities={d.municipalities}
                  action={(m) =>
                    m.coordinatorLogin === null ? (
                      <button type="button" className="btn btn-small" onClick={() => setMunTarget(m)}>
                        Выдать реквизиты координатора
                      </button>
                    ) : (
                      <Link to="/accounts" className="small">
                        Перевыпуск пароля — в «Учётных записях»
                      </Link>
                    )
                  }
                />
              )
            }
          </Loaded>
        </section>
      )}

      <OrgsSection
        title="Образовательные организации"
        orgs={orgs}
        filterId="org-filter"
        filterLabel="Поиск организации (код, логин, название)"
        action={(o) =>
          o.login === null && o.status === 'active' && canIssue(me, o.kind) ? (
            <button type="button" className="btn btn-small" onClick={() => setOrgTarget(o)}>
              Выдать реквизиты ОО
            </button>
          ) : null
        }
      />

      {orgTarget && (
        <ConfirmDialog
          title="Выдать реквизиты ОО"
          confirmText="Выдать"
          busy={busy}
          error={error}
          onConfirm={() => void issueOrg(orgTarget)}
          onCancel={() => {
            setOrgTarget(null);
            setError(null);
          }}
        >
          <p>
            Будет создана учётная запись для организации «{orgTarget.shortName}» (код {orgTarget.code}). Пароль будет
            показан один раз.
          </p>
        </ConfirmDialog>
      )}
      {munTarget && (
        <Modal title={`Координатор: ${munTarget.name}`} onClose={() => setMunTarget(null)}>
          <ContactForm
            idPrefix="mc"
            submitText="Выдать реквизиты"
            onSubmit={(c) => issueMunicipal(munTarget, c)}
            onCancel={() => setMunTarget(null)}
          />
        </Modal>
      )}
    </div>
  );
}
