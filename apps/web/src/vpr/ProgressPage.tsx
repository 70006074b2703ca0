import { useEffect, useRef, useState } from 'react';
import type { CampaignList, MaterialFile, VprProgress } from '@oko/shared';
import { useResource } from '../api/useResource';
import { moscowOffsetLabel } from '../format';
import { Empty, ErrorBox, Loaded, Loading, usePageTitle } from '../components/states';
import { CodesBlock } from './CodesBlock';
import { SubjectCard, type DownloadTracker } from './SubjectCard';
import { newestFirst } from './campaigns';
import { useServerClock } from './useServerClock';
import { wallClockSecondsText } from './time';
import './vpr.css';

const WHILE_BUILDING_MS = 30_000;
const AFTER_DOWNLOAD_MS = 2_000;

/** The nearest moment after the answer's `now` at which something on the page opens. */
function nextOpening(p: VprProgress): number | null {
  const at = Date.parse(p.now);
  const moments: string[] = [];
  for (const e of p.entries) {
    if (!e.archive.available) moments.push(e.archive.availableAt);
    if (!e.criteria.available) moments.push(e.criteria.availableAt);
    if (e.password.applies && !e.password.available && e.gates.passwordFrom) moments.push(e.gates.passwordFrom);
  }
  const future = moments.map((m) => Date.parse(m)).filter((t) => t > at);
  return future.length ? Math.min(...future) : null;
}

/** Files that are open but still being built by the background job. */
function stillBuilding(p: VprProgress): boolean {
  const building = (f: MaterialFile) => f.available && !f.fileId;
  return (
    p.entries.some((e) => building(e.archive) || building(e.criteria)) ||
    p.codes.some((c) => building(c.slips) || building(c.protocol))
  );
}

/** «Ход ВПР» of an ОО: every subject of its plan-schedule with the files, the шифр and the checklist. */
export function ProgressPage() {
  usePageTitle('Ход ВПР');
  const campaigns = useResource<CampaignList>('/api/campaigns');
  const [chosen, setChosen] = useState<string | null>(null);
  const list = newestFirst(campaigns.data?.campaigns ?? []);
  const campaignId = chosen ?? list[0]?.id ?? null;
  return (
    <div className="page-wide vpr">
      <h1>Ход ВПР</h1>
      <Loaded res={campaigns} what="кампании ВПР">
        {() =>
          list.length === 0 ? (
            <Empty>Кампаний ВПР пока нет.</Empty>
          ) : (
            list.length > 1 && (
              <div className="field narrow">
                <label htmlFor="vpr-campaign">Кампания</label>
                <select id="vpr-campaign" value={campaignId ?? ''} onChange={(e) => setChosen(e.target.value)}>
                  {list.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.title}
                    </option>
                  ))}
                </select>
              </div>
            )
          )
        }
      </Loaded>
      {campaignId && <ProgressView key={campaignId} campaignId={campaignId} />}
    </div>
  );
}

function ProgressView({ campaignId }: { campaignId: string }) {
  const res = useResource<VprProgress>(`/api/campaigns/${campaignId}/progress`);
  const { reload } = res;
  const data = res.data;
  const serverNow = useServerClock(data?.now);
  const upcoming = data ? nextOpening(data) : null;
  const building = data ? stillBuilding(data) : false;
  const requested = useRef<string | null>(null);
  const [clicked, setClicked] = useState<Record<string, string>>({});

  // a countdown reached its moment: ask the server (once per answer) what is open now
  useEffect(() => {
    if (!data || upcoming === null || serverNow < upcoming || requested.current === data.now) return;
    requested.current = data.now;
    reload();
  }, [data, upcoming, serverNow, reload]);

  useEffect(() => {
    if (!building) return undefined;
    const timer = window.setInterval(reload, WHILE_BUILDING_MS);
    return () => window.clearInterval(timer);
  }, [building, reload]);

  if (!data) {
    return res.error ? <ErrorBox error={res.error} onRetry={reload} /> : <Loading text="Загрузка: ход ВПР…" />;
  }

  const downloads: DownloadTracker = {
    clickedAt: (f) => (f.fileId ? (clicked[f.fileId] ?? null) : null),
    onDownload: (f) => {
      const fileId = f.fileId;
      if (!fileId) return;
      setClicked((c) => ({ ...c, [fileId]: new Date(serverNow).toISOString() }));
      // the server records the first download; its answer replaces the local mark
      window.setTimeout(reload, AFTER_DOWNLOAD_MS);
    },
  };

  return (
    <>
      <p className="lead">{data.campaignTitle}</p>
      <div className="vpr-clock note">
        Сейчас по часам сервера ОКО:{' '}
        <b data-testid="server-now">{wallClockSecondsText(new Date(serverNow), data.zone)}</b> по местному времени вашей
        ОО ({moscowOffsetLabel(data.zone, new Date(serverNow))}). Материалы открываются по этим часам, а не по часам
        вашего компьютера; сроки указаны по местному и московскому времени.
      </div>
      {res.error && <ErrorBox error={res.error} onRetry={reload} />}
      {data.entries.length === 0 ? (
        <Empty>В план-графике вашей ОО пока нет ни одного предмета.</Empty>
      ) : (
        <div className="vpr-subjects">
          {data.entries.map((e) => (
            <SubjectCard key={e.subjectId} entry={e} serverNow={serverNow} downloads={downloads} onChanged={reload} />
          ))}
        </div>
      )}
      <CodesBlock codes={data.codes} zone={data.zone} downloads={downloads} />
    </>
  );
}
