import { useState } from 'react';
import type { StructureImportResult } from '@oko/shared';
import { XlsxUpload } from '../registration/XlsxUpload';

/** «Структура кампании»: subjects, tasks and scales as one workbook, downloaded, edited and uploaded back. */
export function StructurePanel({ campaignId, onChanged }: { campaignId: string; onChanged: () => void }) {
  const [note, setNote] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="structure-title">
      <div className="flow-head">
        <h2 id="structure-title">Структура кампании (XLSX)</h2>
        <a
          className="btn"
          href={`/api/campaigns/${campaignId}/structure.xlsx`}
          download
          data-testid="structure-download"
        >
          Скачать структуру
        </a>
      </div>
      <ol className="flow-steps">
        <li>Скачайте файл: в нём предметы с классами, группами и шкалами, и задания каждого предмета.</li>
        <li>Добавьте предметы или исправьте существующие, сохраните как «Книга Excel (.xlsx)».</li>
        <li>Загрузите файл. Если в нём есть ошибки, ничего не изменится, а ошибки будут перечислены с ячейками.</li>
      </ol>
      <XlsxUpload<StructureImportResult>
        url={`/api/campaigns/${campaignId}/structure`}
        label="Загрузить структуру"
        testId="structure-upload"
        className="vpr-upload"
        onStart={() => setNote(null)}
        onResult={(r) => {
          setNote(
            `Структура загружена: предметов — ${r.subjects} (новых — ${r.added}, изменено — ${r.updated}), заданий — ${r.tasks}.`,
          );
          onChanged();
        }}
      />
      {note && (
        <div className="alert alert-success" role="status">
          {note}
        </div>
      )}
    </section>
  );
}
