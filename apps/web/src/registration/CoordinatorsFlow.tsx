import type { CoordinatorsApplyResult, CoordinatorsPreview } from '@oko/shared';
import { AppliedNotice } from './AppliedNotice';
import { ApplyBar } from './ApplyBar';
import { FieldChanges } from './FieldChanges';
import { usePreviewApply } from './usePreviewApply';
import { XlsxUpload } from './XlsxUpload';
import { PreviewTable } from './PreviewTable';

/** Координаторы муниципалитетов: the regional coordinator keeps their contacts in one file. */
export function CoordinatorsFlow() {
  const flow = usePreviewApply<CoordinatorsPreview, CoordinatorsApplyResult>();
  const { preview } = flow;

  return (
    <section className="panel flow" aria-labelledby="coordinators-title">
      <div className="flow-head">
        <h2 id="coordinators-title">Координаторы муниципалитетов</h2>
        <a className="btn" href="/api/registry/coordinators/file" download data-testid="coordinators-download">
          Скачать список координаторов (XLSX)
        </a>
      </div>
      <p className="muted">
        Одна строка на каждый муниципалитет региона: ФИО, должность, телефон и e-mail координатора. Пустая строка ничего
        не меняет. Муниципалитету без координатора будет создана учётная запись вида regRR_mNNN с паролем, который
        покажется один раз.
      </p>
      {flow.applied && (
        <AppliedNotice message={flow.applied.message} issued={flow.applied} onClose={flow.dismissApplied} />
      )}
      <XlsxUpload<CoordinatorsPreview>
        url="/api/registry/coordinators/preview"
        label="Загрузить список координаторов"
        testId="coordinators-upload"
        {...flow.uploadProps}
      />
      {preview && (
        <div className="reg-preview" role="region" aria-label="Предварительный просмотр списка координаторов">
          <h3>Предварительный просмотр: ничего ещё не изменено</h3>
          <ul className="reg-preview-counts">
            <li className="count-added">новых координаторов: {preview.counts.created}</li>
            <li className="count-changed">изменить контакты: {preview.counts.updated}</li>
            <li>без изменений: {preview.counts.unchanged}</li>
            <li>пустых строк: {preview.counts.empty}</li>
          </ul>
          {preview.rows.length > 0 ? (
            <PreviewTable
              label="Изменения списка координаторов"
              columns={['Строка файла', 'Муниципалитет', 'Логин', 'Что произойдёт', 'Изменения']}
            >
              {preview.rows.map((r) => (
                <tr key={r.row} className={r.create ? 'row-added' : 'row-changed'}>
                  <td>{r.row}</td>
                  <td>
                    {r.municipalityCode} {r.municipality}
                  </td>
                  <td className="mono">{r.login}</td>
                  <td>{r.create ? 'Будет создана учётная запись' : 'Будут изменены контакты'}</td>
                  <td>
                    <FieldChanges changes={r.changes} />
                  </td>
                </tr>
              ))}
            </PreviewTable>
          ) : (
            <p className="muted">В файле нет изменений: применять нечего.</p>
          )}
          <ApplyBar<CoordinatorsApplyResult>
            url="/api/registry/coordinators/apply"
            previewId={preview.previewId}
            canApply={preview.canApply}
            title="Применить список координаторов"
            summary={
              <p>
                Будет создано учётных записей: {preview.counts.created}, изменено контактов: {preview.counts.updated}.
              </p>
            }
            {...flow.applyProps}
          />
        </div>
      )}
    </section>
  );
}
