import type { CampaignList } from '@oko/shared';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { Empty, Loaded, usePageTitle } from '../components/states';
import { Link } from '../router';
import {
  campaignPath,
  managesCampaigns,
  schedulePath,
  seesCampaigns,
  seesSchedule,
  seesTracking,
  trackingPath,
} from './access';
import { newestFirst } from './campaigns';
import { NewCampaignForm } from './NewCampaignForm';
import { calendarDateText } from './time';
import './vpr.css';

/** «Кампании ВПР»: the list with a link to each page of a campaign; the federal level creates new ones. */
export function CampaignsPage() {
  usePageTitle('Кампании ВПР');
  const me = useMe();
  const res = useResource<CampaignList>('/api/campaigns');
  return (
    <div className="page-wide vpr">
      <p className="crumbs">
        <Link to="/">Главная</Link> › Кампании ВПР
      </p>
      <h1>Кампании ВПР</h1>
      <p className="lead">
        Кампания — это предметы и классы с заданиями и шкалами, план-график проведения по ОО и материалы, которые ОО
        получают по времени процедуры.
      </p>
      <Loaded res={res} what="кампании">
        {(d) =>
          d.campaigns.length === 0 ? (
            <Empty>Кампаний пока нет.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="table" aria-label="Кампании ВПР">
                <thead>
                  <tr>
                    <th>Кампания</th>
                    <th>Код</th>
                    <th>Окно проведения</th>
                    <th>Разделы</th>
                  </tr>
                </thead>
                <tbody>
                  {newestFirst(d.campaigns).map((c) => (
                    <tr key={c.id}>
                      <td>{seesCampaigns(me) ? <Link to={campaignPath(c.id)}>{c.title}</Link> : c.title}</td>
                      <td className="mono">{c.code}</td>
                      <td className="nowrap">
                        {calendarDateText(c.windowStart)} — {calendarDateText(c.windowEnd)}
                      </td>
                      <td className="actions">
                        <Link to={campaignPath(c.id)} className="btn btn-small">
                          Предметы и материалы
                        </Link>
                        {seesSchedule(me) && (
                          <Link to={schedulePath(c.id)} className="btn btn-small">
                            План-график
                          </Link>
                        )}
                        {seesTracking(me) && (
                          <Link to={trackingPath(c.id)} className="btn btn-small">
                            Получение материалов
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      {managesCampaigns(me) && <NewCampaignForm />}
    </div>
  );
}
