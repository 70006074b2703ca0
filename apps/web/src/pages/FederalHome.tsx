import { useState } from 'react';
import type { RegionList } from '../api/types';
import { useResource } from '../api/useResource';
import { FilterBox } from '../components/FilterBox';
import { filterRegions, RegionsTable } from '../components/RegionsTable';
import { Loaded } from '../components/states';
import { ActualPanel } from '../publications/ActualPanel';
import { Link } from '../router';

export function FederalHome() {
  const regions = useResource<RegionList>('/api/regions');
  const [query, setQuery] = useState('');
  return (
    <div>
      <h1>Федеральный организатор</h1>
      <ActualPanel />
      <h2>Регионы</h2>
      <Loaded res={regions} what="регионы">
        {(d) => {
          const shown = filterRegions(d.regions, query);
          const active = d.regions.filter((r) => r.accounts > 0).length;
          return (
            <>
              <p className="lead">
                Всего регионов: {d.regions.length}; с выданными учётными записями: {active}. Выдать реквизиты
                региональным координаторам можно в разделе <Link to="/regions">«Регионы»</Link>.
              </p>
              <FilterBox
                id="home-region-filter"
                label="Поиск региона (код или название)"
                value={query}
                onChange={setQuery}
                found={shown.length}
              />
              <RegionsTable regions={shown} />
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
