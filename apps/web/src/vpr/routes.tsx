import type { ReactNode } from 'react';
import type { Me } from '../api/types';
import { NotAllowedPage } from '../pages/NotFoundPage';
import { seesCampaigns, seesSchedule, seesTracking, receivesMaterials } from './access';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';
import { ProgressPage } from './ProgressPage';
import { SchedulePage } from './SchedulePage';
import { TrackingPage } from './TrackingPage';

const UUID = '([0-9a-fA-F-]{36})';
const CAMPAIGN = new RegExp(`^/vpr/campaigns/${UUID}(/schedule|/tracking)?$`);

/** The ВПР pages by path, each behind its permission; null when the path is not one of them. */
export function vprPage(me: Me, path: string): ReactNode {
  const gate = (allowed: boolean, page: ReactNode) => (allowed ? page : <NotAllowedPage />);
  if (path === '/vpr/progress') return gate(receivesMaterials(me), <ProgressPage />);
  if (path === '/vpr/campaigns') return gate(seesCampaigns(me), <CampaignsPage />);
  const m = CAMPAIGN.exec(path);
  const id = m?.[1];
  if (!id) return null;
  switch (m[2]) {
    case '/schedule':
      return gate(seesSchedule(me), <SchedulePage key={id} campaignId={id} />);
    case '/tracking':
      return gate(seesTracking(me), <TrackingPage key={id} campaignId={id} />);
    default:
      return gate(seesCampaigns(me), <CampaignPage key={id} campaignId={id} />);
  }
}
