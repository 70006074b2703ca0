import type { Me } from '../api/types';
import { usePageTitle } from '../components/states';
import { CoordinatorHome } from './CoordinatorHome';
import { FederalHome } from './FederalHome';
import { SchoolHome } from './SchoolHome';

export function HomePage({ me }: { me: Me }) {
  usePageTitle('Главная');
  switch (me.role) {
    case 'school':
    case 'college':
      return <SchoolHome me={me} />;
    case 'municipal_coordinator':
    case 'region_coordinator':
    case 'spo_region_coordinator':
      return <CoordinatorHome me={me} />;
    case 'federal_admin':
      return <FederalHome />;
  }
}
