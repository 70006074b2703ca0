import type { Me, Role, Section } from '@oko/shared';
import { can } from '../auth/access';

export interface SectionPage {
  section: Section;
  path: string;
  title: string;
}

// kept here rather than imported from @oko/shared: that module carries zod schemas the browser does not need
export const SECTION_PAGES: readonly SectionPage[] = [
  { section: 'vpr', path: '/vpr', title: 'ВПР' },
  { section: 'vpr_spo', path: '/vpr-spo', title: 'ВПР СПО' },
  { section: 'interview', path: '/interview', title: 'Итоговое собеседование' },
];

const ROLE_SECTIONS: Record<Role, readonly Section[]> = {
  federal_admin: ['vpr', 'vpr_spo', 'interview'],
  region_coordinator: ['vpr', 'vpr_spo', 'interview'],
  municipal_coordinator: ['vpr', 'vpr_spo', 'interview'],
  spo_region_coordinator: ['vpr_spo'],
  school: ['vpr', 'interview'],
  college: ['vpr_spo'],
};

/** The sections an account works in: schools — ВПР and the interview, colleges and their coordinator — ВПР СПО. */
export function sectionsFor(me: Me): SectionPage[] {
  if (!can(me, 'publication.read')) return [];
  return SECTION_PAGES.filter((s) => ROLE_SECTIONS[me.role].includes(s.section));
}

export function sectionPage(section: Section): SectionPage {
  const found = SECTION_PAGES.find((s) => s.section === section);
  if (!found) throw new Error(`unknown section ${section}`);
  return found;
}

export const publicationAnchor = (id: string) => `pub-${id}`;
