import { useState } from 'react';
import { ROLE_TITLES, type Role, type Section } from '@oko/shared';
import type { RegionList } from '../api/types';
import { useResource } from '../api/useResource';
import { FilterBox } from '../components/FilterBox';
import { Loaded } from '../components/states';

export interface AudienceDraft {
  roles: Role[];
  /** null: every region */
  regionCodes: string[] | null;
  /** ОО logins pasted by the author, resolved to ids when the publication is sent */
  orgLogins: string;
}

export const AUDIENCE_ROLES: Role[] = [
  'school',
  'college',
  'municipal_coordinator',
  'region_coordinator',
  'spo_region_coordinator',
];

export function defaultRoles(section: Section): Role[] {
  switch (section) {
    case 'vpr':
    case 'interview':
      return ['school', 'municipal_coordinator', 'region_coordinator'];
    case 'vpr_spo':
      return ['college', 'spo_region_coordinator'];
  }
}

/** Logins typed or pasted from a spreadsheet: one per line, or separated by commas, semicolons or spaces. */
export function splitLogins(text: string): string[] {
  return Array.from(
    new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  );
}

function RegionPicker({ value, onChange }: { value: string[]; onChange: (codes: string[]) => void }) {
  const regions = useResource<RegionList>('/api/regions');
  const [query, setQuery] = useState('');
  return (
    <Loaded res={regions} what="регионы">
      {(d) => {
        const q = query.trim().toLowerCase();
        const shown = q ? d.regions.filter((r) => r.code.startsWith(q) || r.name.toLowerCase().includes(q)) : d.regions;
        return (
          <div className="region-picker">
            <FilterBox id="aud-region-q" label="Найти регион" value={query} onChange={setQuery} found={shown.length} />
            <div className="region-list" role="group" aria-label="Регионы">
              {shown.map((r) => (
                <label key={r.code} className="check-label">
                  <input
                    type="checkbox"
                    checked={value.includes(r.code)}
                    onChange={(e) =>
                      onChange(e.target.checked ? [...value, r.code] : value.filter((c) => c !== r.code))
                    }
                  />
                  <span className="mono">{r.code}</span> {r.name}
                </label>
              ))}
            </div>
            <p className="muted small">Выбрано регионов: {value.length}</p>
          </div>
        );
      }}
    </Loaded>
  );
}

/** Who receives the publication: roles, regions (a regional author — only its own) and an optional list of ОО. */
export function AudienceFields({
  value,
  onChange,
  ownRegion,
}: {
  value: AudienceDraft;
  onChange: (next: AudienceDraft) => void;
  /** a regional author publishes to its own region only */
  ownRegion: { code: string; name: string } | null;
}) {
  const toggleRole = (role: Role, on: boolean) =>
    onChange({ ...value, roles: on ? [...value.roles, role] : value.roles.filter((r) => r !== role) });
  return (
    <fieldset className="choice audience">
      <legend>Кому адресована публикация</legend>
      <div className="role-checks" role="group" aria-label="Роли получателей">
        {AUDIENCE_ROLES.map((role) => (
          <label key={role} className="check-label">
            <input
              type="checkbox"
              checked={value.roles.includes(role)}
              onChange={(e) => toggleRole(role, e.target.checked)}
            />
            {ROLE_TITLES[role]}
          </label>
        ))}
      </div>

      <div className="audience-part">
        <div className="part-title">Регионы</div>
        {ownRegion ? (
          <p>
            {ownRegion.name}{' '}
            <span className="muted">(код {ownRegion.code}) — публикация видна только в вашем регионе</span>
          </p>
        ) : (
          <>
            <label className="check-label">
              <input
                type="radio"
                name="aud-regions"
                checked={value.regionCodes === null}
                onChange={() => onChange({ ...value, regionCodes: null })}
              />
              Все регионы
            </label>
            <label className="check-label">
              <input
                type="radio"
                name="aud-regions"
                checked={value.regionCodes !== null}
                onChange={() => onChange({ ...value, regionCodes: [] })}
              />
              Только выбранные регионы
            </label>
            {value.regionCodes !== null && (
              <RegionPicker
                value={value.regionCodes}
                onChange={(codes) => onChange({ ...value, regionCodes: codes })}
              />
            )}
          </>
        )}
      </div>

      <div className="field audience-part">
        <label htmlFor="aud-logins">Только перечисленные ОО (необязательно)</label>
        <textarea
          id="aud-logins"
          rows={3}
          value={value.orgLogins}
          placeholder="sch390001, sch390002…"
          onChange={(e) => onChange({ ...value, orgLogins: e.target.value })}
        />
        <div className="field-hint">
          Логины ОО через запятую или по одному в строке (можно вставить столбец из Excel). Если поле пустое, публикацию
          увидят все ОО выбранных ролей и регионов. Найдено логинов: {splitLogins(value.orgLogins).length}.
        </div>
      </div>
    </fieldset>
  );
}
