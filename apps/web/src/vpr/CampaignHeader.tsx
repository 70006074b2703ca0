import type { Campaign } from '@oko/shared';
import { useMe } from '../auth/AuthContext';
import { Link } from '../router';
import { campaignPath, schedulePath, seesCampaigns, seesSchedule, seesTracking, trackingPath } from './access';
import { campaignAnalyticsPath, campaignResultsPath, monitorsResults, readsCampaignAnalytics } from './results/access';
import { calendarDateText } from './time';

type Tab = 'subjects' | 'schedule' | 'tracking' | 'results' | 'analytics';

/** Breadcrumbs, the campaign's title and window, and the tabs of its pages this account may open. */
export function CampaignHeader({ campaign, current }: { campaign: Campaign; current: Tab }) {
  const me = useMe();
  const tabs: { tab: Tab; to: string; title: string; allowed: boolean }[] = [
    { tab: 'subjects', to: campaignPath(campaign.id), title: 'Предметы и материалы', allowed: seesCampaigns(me) },
    { tab: 'schedule', to: schedulePath(campaign.id), title: 'План-график', allowed: seesSchedule(me) },
    { tab: 'tracking', to: trackingPath(campaign.id), title: 'Получение материалов', allowed: seesTracking(me) },
    { tab: 'results', to: campaignResultsPath(campaign.id), title: 'Результаты', allowed: monitorsResults(me) },
    {
      tab: 'analytics',
      to: campaignAnalyticsPath(campaign.id),
      title: 'Аналитика',
      allowed: readsCampaignAnalytics(me),
    },
  ];
  return (
    <>
      <p className="crumbs">
        <Link to="/">Главная</Link> › <Link to="/vpr/campaigns">Кампании ВПР</Link> › {campaign.title}
      </p>
      <h1>{campaign.title}</h1>
      <p className="muted">
        Код кампании <span className="mono">{campaign.code}</span>. Окно проведения:{' '}
        {calendarDateText(campaign.windowStart)} — {calendarDateText(campaign.windowEnd)}.
      </p>
      <nav className="vpr-tabs" aria-label="Разделы кампании">
        {tabs
          .filter((t) => t.allowed)
          .map((t) => (
            <Link key={t.tab} to={t.to} current={t.tab === current} className="vpr-tab">
              {t.title}
            </Link>
          ))}
      </nav>
    </>
  );
}
