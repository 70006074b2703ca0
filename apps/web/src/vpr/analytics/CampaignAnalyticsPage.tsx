import type { CampaignDetail } from '@oko/shared';
import { useResource } from '../../api/useResource';
import { useMe } from '../../auth/AuthContext';
import { Empty, Loaded, usePageTitle } from '../../components/states';
import { CampaignHeader } from '../CampaignHeader';
import { subjectTitle } from '../words';
import { monitorsResults } from '../results/access';
import { AnalyticsView } from './AnalyticsView';
import { detailOptions } from './detail-options';
import '../vpr.css';

/** «Аналитика» of a campaign for coordinators and the federal level: every report over their zone. */
export function CampaignAnalyticsPage({ campaignId }: { campaignId: string }) {
  const me = useMe();
  const res = useResource<CampaignDetail>(`/api/campaigns/${campaignId}`);
  usePageTitle(res.data ? `Аналитика: ${res.data.title}` : 'Аналитика ВПР');
  return (
    <div className="page-wide vpr">
      <Loaded res={res} what="кампания">
        {(c) => (
          <>
            <CampaignHeader campaign={c} current="analytics" />
            {c.subjects.length === 0 ? (
              <Empty>В кампании пока нет предметов.</Empty>
            ) : (
              <AnalyticsView
                subjects={c.subjects.map((s) => ({
                  campaignId: c.id,
                  subjectId: s.id,
                  title: `${subjectTitle(s)} (${s.code})`,
                }))}
                details={detailOptions(me.role)}
                timeZone={me.organization.timeZone}
                withObjectivity={monitorsResults(me)}
              />
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
