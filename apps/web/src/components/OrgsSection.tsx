import { useState, type ReactNode } from 'react';
import type { Org, OrgList } from '../api/types';
import type { Resource } from '../api/useResource';
import { FilterBox } from './FilterBox';
import { filterOrgs, OrgsTable } from './OrgsTable';
import { Empty, Loaded } from './states';

/** A titled, searchable table of the organizations in the actor's zone. */
export function OrgsSection({
  title,
  orgs,
  filterId,
  filterLabel,
  action,
}: {
  title: string;
  orgs: Resource<OrgList>;
  filterId: string;
  filterLabel: string;
  action?: (org: Org) => ReactNode;
}) {
  const [query, setQuery] = useState('');
  return (
    <section className="section">
      <h2>{title}</h2>
      <Loaded res={orgs} what="организации">
        {(d) => {
          if (d.orgs.length === 0) return <Empty>В вашей зоне пока нет организаций.</Empty>;
          const shown = filterOrgs(d.orgs, query);
          return (
            <>
              <FilterBox id={filterId} label={filterLabel} value={query} onChange={setQuery} found={shown.length} />
              <OrgsTable orgs={shown} action={action} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
