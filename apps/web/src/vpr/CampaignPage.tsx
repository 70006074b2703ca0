import type { CampaignDetail } from '@oko/shared';
import { useResource } from '../api/useResource';
import { useMe } from '../auth/AuthContext';
import { Loaded, usePageTitle } from '../components/states';
import { managesCampaigns } from './access';
import { CampaignHeader } from './CampaignHeader';
import { CodesPanel } from './CodesPanel';
import { StructurePanel } from './StructurePanel';
import { SubjectMaterials } from './SubjectMaterials';
import { SubjectsTable } from './SubjectsTable';
import './vpr.css';

/** A campaign: its subjects and tasks; for the federal level also the structure file, banks and materials. */
export function CampaignPage({ campaignId }: { campaignId: string }) {
  const me = useMe();
  const res = useResource<CampaignDetail>(`/api/campaigns/${campaignId}`);
  usePageTitle(res.data?.title ?? 'Кампания ВПР');
  const manage = managesCampaigns(me);
  return (
    <div className="page-wide vpr">
      <Loaded res={res} what="кампания">
        {(c) => (
          <>
            <CampaignHeader campaign={c} current="subjects" />
            <section className="section" aria-labelledby="subjects-title">
              <h2 id="subjects-title">Предметы</h2>
              <SubjectsTable subjects={c.subjects} />
            </section>
            {manage && <StructurePanel campaignId={c.id} onChanged={res.reload} />}
            {manage && c.subjects.length > 0 && (
              <section className="section" aria-labelledby="materials-title">
                <h2 id="materials-title">Банк заданий и материалы</h2>
                <p className="muted">
                  Для каждой ОО план-графика формируются свои варианты из банка заданий, архив (для шифрованной группы —
                  с паролем) и критерии оценивания. ОО получают их по времени процедуры.
                </p>
                <div className="vpr-subjects">
                  {c.subjects.map((s) => (
                    <SubjectMaterials key={s.id} campaignId={c.id} subject={s} />
                  ))}
                </div>
              </section>
            )}
            {manage && <CodesPanel campaignId={c.id} />}
          </>
        )}
      </Loaded>
    </div>
  );
}
