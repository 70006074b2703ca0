import type { ReactNode } from 'react';
import type { Me } from '../api/types';
import { NotAllowedPage } from '../pages/NotFoundPage';
import { seesCampaigns, seesSchedule, seesTracking, receivesMaterials } from './access';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';
import { ProgressPage } from './ProgressPage';
import { SchedulePage } from './SchedulePage';
import { TrackingPage } from './TrackingPage';
import { CampaignAnalyticsPage } from './analytics/CampaignAnalyticsPage';
import { SchoolAnalyticsPage } from './analytics/SchoolAnalyticsPage';
import {
  RESULTS_PATH,
  SCHOOL_ANALYTICS_PATH,
  monitorsResults,
  readsCampaignAnalytics,
  readsOwnAnalytics,
  submitsResults,
} from './results/access';
import { CampaignResultsPage } from './results/CampaignResultsPage';
import { ResultsFormPage } from './results/ResultsFormPage';
import { ResultsPage } from './results/ResultsPage';

const UUID = '([0-9a-fA-F-]{36})';
const CAMPAIGN = new RegExp(`^/vpr/campaigns/${UUID}(/schedule|/tracking|/results|/analytics)?$`);
const RESULTS_FORM = new RegExp(`^/vpr/results/${UUID}$`);

/** The ВПР pages by path, each behind its permission; null when the path is not one of them. */
export function vprPage(me: Me, path: string): ReactNode {
  const gate = (allowed: boolean, page: ReactNode) => (allowed ? page : <NotAllowedPage />);
  if (path === '/vpr/progress') return gate(receivesMaterials(me), <ProgressPage />);
  if (path === '/vpr/campaigns') return gate(seesCampaigns(me), <CampaignsPage />);
  if (path === RESULTS_PATH) return gate(submitsResults(me), <ResultsPage />);
  if (path === SCHOOL_ANALYTICS_PATH) return gate(readsOwnAnalytics(me), <SchoolAnalyticsPage />);
  const form = RESULTS_FORM.exec(path)?.[1];
  if (form) return gate(submitsResults(me), <ResultsFormPage key={form} subjectId={form} />);
  const m = CAMPAIGN.exec(path);
  const id = m?.[1];
  if (!id) return null;
  switch (m[2]) {
    case '/schedule':
      return gate(seesSchedule(me), <SchedulePage key={id} campaignId={id} />);
    case '/tracking':
      return gate(seesTracking(me), <TrackingPage key={id} campaignId={id} />);
    case '/results':
      return gate(monitorsResults(me), <CampaignResultsPage key={id} campaignId={id} />);
    case '/analytics':
      return gate(readsCampaignAnalytics(me), <CampaignAnalyticsPage key={id} campaignId={id} />);
    default:
      return gate(seesCampaigns(me), <CampaignPage key={id} campaignId={id} />);
  }
}
