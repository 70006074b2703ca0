import { useState, type FormEvent } from 'react';
import type { CreatePublication, Publication, Section } from '@oko/shared';
import { api, toApiError } from '../api/client';
import type { OrgList } from '../api/types';
import { useMe } from '../auth/AuthContext';
import { ErrorBox, usePageTitle } from '../components/states';
import { Link } from '../router';
import { AudienceFields, defaultRoles, splitLogins, type AudienceDraft } from './AudienceFields';
import { Markup } from './Markup';
import { publicationAnchor, SECTION_PAGES, sectionPage } from './sections';
import { UploadForm } from './UploadForm';

/** A regional author writes in its own procedure's sections only (the server refuses the others). */
function authorSections(role: string): Section[] {
  if (role === 'spo_region_coordinator') return ['vpr_spo'];
  if (role === 'region_coordinator') return ['vpr', 'interview'];
  return SECTION_PAGES.map((p) => p.section);
}

function sectionFromQuery(allowed: Section[]): Section {
  const s = new URLSearchParams(window.location.search).get('section');
  return allowed.find((a) => a === s) ?? allowed[0] ?? 'vpr';
}

/** Logins → ids of the ОО in the author's zone; unknown logins are named so the author can fix them. */
async function resolveLogins(logins: string[]): Promise<{ ids: string[]; unknown: string[] }> {
  const { orgs } = await api.get<OrgList>('/api/orgs');
  const byLogin = new Map(orgs.filter((o) => o.login).map((o) => [o.login?.toLowerCase(), o.id]));
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const login of logins) {
    const found = byLogin.get(login.toLowerCase());
    if (found) ids.push(found);
    else unknown.push(login);
  }
  return { ids, unknown };
}

function Created({ pub }: { pub: Publication }) {
  const page = sectionPage(pub.section);
  return (
    <div className="page-medium">
      <h1>Публикация создана</h1>
      <div className="alert alert-success" role="status">
        Публикация «{pub.title}» размещена в разделе «{page.title}».
      </div>
      <p className="lead">
        Загрузите файлы в хранилища. Индивидуальные файлы называйте по логину ОО — каждая ОО увидит только свои.
      </p>
      {pub.storages.map((s) => (
        <section key={s.id} className="panel">
          <h2>Хранилище «{s.title}»</h2>
          <UploadForm storageId={s.id} storageTitle={s.title} onUploaded={() => undefined} />
        </section>
      ))}
      <div className="button-row">
        <Link to={`${page.path}#${publicationAnchor(pub.id)}`} className="btn btn-primary">
          Перейти к публикации
        </Link>
      </div>
    </div>
  );
}

const MARKUP_HELP = [
  'Пустая строка — новый абзац.',
  '**текст** — полужирный.',
  '[текст](https://адрес) — ссылка на сайт, откроется в новой вкладке.',
  'Строки, начинающиеся с «- », — список.',
];

export function NewPublicationPage() {
  usePageTitle('Новая публикация');
  const me = useMe();
  const regional = me.organization.level !== 'federal' && me.organization.regionCode !== null;
  const ownRegion =
    regional && me.organization.regionCode ? { code: me.organization.regionCode, name: me.organization.name } : null;
  const allowedSections = authorSections(me.role);
  const [section, setSection] = useState<Section>(() => sectionFromQuery(allowedSections));
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<AudienceDraft>(() => ({
    roles: defaultRoles(sectionFromQuery(allowedSections)),
    regionCodes: ownRegion ? [ownRegion.code] : null,
    orgLogins: '',
  }));
  const [storages, setStorages] = useState<string[]>(['Файлы']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<Publication | null>(null);

  if (created) return <Created pub={created} />;

  const changeSection = (next: Section) => {
    setSection(next);
    setAudience({ ...audience, roles: defaultRoles(next) });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!title.trim()) return setError('Укажите заголовок публикации.');
    if (audience.roles.length === 0) return setError('Отметьте хотя бы одну роль получателей.');
    if (audience.regionCodes !== null && audience.regionCodes.length === 0) {
      return setError('Выберите хотя бы один регион или отметьте «Все регионы».');
    }
    setBusy(true);
    try {
      const logins = splitLogins(audience.orgLogins);
      let orgIds: string[] | null = null;
      if (logins.length > 0) {
        const resolved = await resolveLogins(logins);
        if (resolved.unknown.length > 0) {
          setError(
            `Не найдены ОО с логинами: ${resolved.unknown.slice(0, 20).join(', ')}${resolved.unknown.length > 20 ? '…' : ''}`,
          );
          return;
        }
        orgIds = resolved.ids;
      }
      const request: CreatePublication = {
        section,
        title: title.trim(),
        body,
        audience: { roles: audience.roles, regionCodes: ownRegion ? [ownRegion.code] : audience.regionCodes, orgIds },
        storages: storages.map((s) => s.trim()).filter(Boolean),
      };
      setCreated(await api.post<Publication>('/api/publications', request));
      window.scrollTo(0, 0);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page-medium">
      <h1>Новая публикация</h1>
      <p className="lead">
        Публикация появится у получателей сразу после создания. Файлы в хранилища загружаются на следующем шаге.
      </p>
      <form className="panel pub-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="np-section">Раздел</label>
          <select id="np-section" value={section} onChange={(e) => changeSection(e.target.value as Section)}>
            {SECTION_PAGES.filter((s) => allowedSections.includes(s.section)).map((s) => (
              <option key={s.section} value={s.section}>
                {s.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="np-title">Заголовок</label>
          <input id="np-title" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="np-body">Общая информация</label>
          <textarea id="np-body" rows={10} value={body} maxLength={50000} onChange={(e) => setBody(e.target.value)} />
          <ul className="field-hint markup-help" aria-label="Оформление текста">
            {MARKUP_HELP.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </div>
        {body.trim() && (
          <div className="preview" aria-label="Предпросмотр">
            <div className="part-title">Предпросмотр</div>
            <Markup body={body} />
          </div>
        )}
        <AudienceFields value={audience} onChange={setAudience} ownRegion={ownRegion} />
        <fieldset className="choice">
          <legend>Хранилища файлов</legend>
          {storages.map((s, i) => (
            <div key={i} className="storage-title-row">
              <label htmlFor={`np-storage-${i}`} className="sr-only">
                Название хранилища {i + 1}
              </label>
              <input
                id={`np-storage-${i}`}
                value={s}
                maxLength={200}
                onChange={(e) => setStorages(storages.map((x, j) => (j === i ? e.target.value : x)))}
              />
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setStorages(storages.filter((_, j) => j !== i))}
                aria-label={`Убрать хранилище ${i + 1}`}
              >
                Убрать
              </button>
            </div>
          ))}
          {storages.length < 20 && (
            <button type="button" className="btn btn-small" onClick={() => setStorages([...storages, ''])}>
              Добавить хранилище
            </button>
          )}
        </fieldset>
        {error && <ErrorBox error={error} />}
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Публикация…' : 'Опубликовать'}
          </button>
          <Link to={sectionPage(section).path} className="btn">
            Отмена
          </Link>
        </div>
      </form>
    </div>
  );
}
