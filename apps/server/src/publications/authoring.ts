import { roleHas, type Section } from '@oko/shared';
import type { Actor } from '../access/actor.ts';
import { forbidden } from '../http/errors.ts';

/** The sections a regional author writes in: the ВПР coordinator is not the СПО one, and vice versa. */
export function sectionsOf(actor: Actor): readonly Section[] {
  switch (actor.role) {
    case 'federal_admin':
      return ['vpr', 'vpr_spo', 'interview'];
    case 'region_coordinator':
      return ['vpr', 'interview'];
    case 'spo_region_coordinator':
      return ['vpr_spo'];
    case 'municipal_coordinator':
    case 'school':
    case 'college':
      return [];
  }
}

/**
 * Who may change a publication: the federal level any; a regional (or СПО) coordinator only those
 * of its own region and of its own sections. A publication without a region is federal.
 */
export function canAuthor(actor: Actor, ownerRegionCode: string | null, section: Section): boolean {
  if (!roleHas(actor.role, 'publication.write')) return false;
  if (actor.role === 'federal_admin') return true;
  return ownerRegionCode !== null && ownerRegionCode === actor.regionCode && sectionsOf(actor).includes(section);
}

export function requireAuthor(actor: Actor, ownerRegionCode: string | null, section: Section): void {
  if (canAuthor(actor, ownerRegionCode, section)) return;
  throw forbidden(
    ownerRegionCode === null
      ? 'Федеральную публикацию изменяет только федеральный организатор'
      : ownerRegionCode !== actor.regionCode
        ? 'Публикацию другого региона изменять нельзя'
        : 'Публикации этого раздела ведёт другой координатор региона',
  );
}
