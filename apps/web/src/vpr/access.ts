import type { Me } from '../api/types';
import { can, isOrgRole } from '../auth/access';

/** Campaign pages are for the federal level and coordinators; a school has its «Ход ВПР». */
export const seesCampaigns = (me: Me): boolean => can(me, 'campaign.read') && !isOrgRole(me.role);
export const seesSchedule = (me: Me): boolean => can(me, 'schedule.manage') || seesCampaigns(me);
export const seesTracking = (me: Me): boolean => can(me, 'materials.monitor');
export const managesCampaigns = (me: Me): boolean => can(me, 'campaign.manage');
export const receivesMaterials = (me: Me): boolean => can(me, 'materials.receive');

export const campaignPath = (id: string) => `/vpr/campaigns/${id}`;
export const schedulePath = (id: string) => `/vpr/campaigns/${id}/schedule`;
export const trackingPath = (id: string) => `/vpr/campaigns/${id}/tracking`;
