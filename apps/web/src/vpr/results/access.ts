import type { Me } from '../../api/types';
import { can, isOrgRole } from '../../auth/access';

/** The ОО fills its results forms; coordinators follow who uploaded; some of them may open the form after the deadline. */
export const submitsResults = (me: Me): boolean => can(me, 'results.submit');
export const monitorsResults = (me: Me): boolean => can(me, 'results.monitor');
export const grantsResultsExceptions = (me: Me): boolean => can(me, 'results.manage');
/** «Аналитика» of an ОО is its own page; coordinators have it inside the campaign. */
export const readsOwnAnalytics = (me: Me): boolean => can(me, 'analytics.read') && isOrgRole(me.role);
export const readsCampaignAnalytics = (me: Me): boolean => can(me, 'analytics.read') && !isOrgRole(me.role);

export const RESULTS_PATH = '/vpr/results';
export const SCHOOL_ANALYTICS_PATH = '/vpr/analytics';
export const resultsFormPath = (subjectId: string) => `/vpr/results/${subjectId}`;
export const campaignResultsPath = (campaignId: string) => `/vpr/campaigns/${campaignId}/results`;
export const campaignAnalyticsPath = (campaignId: string) => `/vpr/campaigns/${campaignId}/analytics`;

export const resultsApi = (subjectId: string) => `/api/vpr/results/${subjectId}`;
export const subjectApi = (campaignId: string, subjectId: string) =>
  `/api/campaigns/${campaignId}/subjects/${subjectId}`;
