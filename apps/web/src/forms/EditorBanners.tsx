import type { FormIssue, FormTemplate } from '@oko/shared';
import { plural } from '../format';
import type { SaveStatus } from './autosave';
import { describeChange, type CellChange } from './changes';
import { IssueList } from './IssueList';
import { stamp } from './time';

export type SubmitState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; at: string }
  | { kind: 'invalid'; count: number }
  | { kind: 'refused'; message: string; issues: FormIssue[] }
  | { kind: 'error'; message: string };

export function ChangeList({ template, changes }: { template: FormTemplate; changes: readonly CellChange[] }) {
  const shown = changes.slice(0, 10);
  return (
    <ul className="change-list">
      {shown.map((ch, i) => (
        <li key={i}>{describeChange(template, ch)}</li>
      ))}
      {changes.length > shown.length && <li>…и ещё {changes.length - shown.length}</li>}
    </ul>
  );
}

/** Saving has stopped for good: another tab saved first, or the collection closed. What was not saved is listed. */
export function StopBanner(props: {
  status: Extract<SaveStatus, { kind: 'conflict' | 'closed' }>;
  template: FormTemplate;
  lost: readonly CellChange[];
}) {
  const { status, lost } = props;
  const conflict = status.kind === 'conflict';
  return (
    <div className="alert alert-error editor-stop" role="alert">
      <div>
        <p>
          <strong>
            {status.message ||
              (conflict
                ? 'Форма изменена в другой вкладке или другим пользователем. Обновите страницу: на ней будут сохранённые данные.'
                : 'Сбор данных закрыт: изменения больше не принимаются.')}
          </strong>
        </p>
        <p>
          {conflict
            ? 'Автосохранение остановлено, чтобы не затереть те изменения.'
            : 'Таблица теперь только для просмотра.'}
          {lost.length > 0 &&
            (conflict
              ? ` Ваши несохранённые изменения (${lost.length}) сохранены в этом браузере — после обновления страницы нажмите «Восстановить мои изменения»:`
              : ` Ваши несохранённые изменения (${lost.length}) сохранены в этом браузере:`)}
        </p>
        {lost.length > 0 && <ChangeList template={props.template} changes={lost} />}
      </div>
      {conflict && (
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Обновить страницу
        </button>
      )}
    </div>
  );
}

/** A copy of unsent changes found in this browser, offered back. */
export function RestoreOffer(props: {
  template: FormTemplate;
  at: string;
  changes: readonly CellChange[];
  timeZone: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const n = props.changes.length;
  return (
    <div className="alert alert-warning editor-offer" role="alert">
      <div>
        <p>
          В этом браузере сохранены ваши изменения, не дошедшие до сервера ({n} {plural(n, 'ячейка', 'ячейки', 'ячеек')}
          , {stamp(props.at, props.timeZone)}):
        </p>
        <ChangeList template={props.template} changes={props.changes} />
      </div>
      <span className="button-row">
        <button type="button" className="btn btn-primary" onClick={props.onRestore}>
          Восстановить мои изменения
        </button>
        <button type="button" className="btn" onClick={props.onDiscard}>
          Не восстанавливать
        </button>
      </span>
    </div>
  );
}

/** What the success banner says: a results form is not a data collection «до закрытия сбора». */
export interface SubmittedWords {
  done: string;
  again: string;
  back: string;
}

const COLLECTION_WORDS: SubmittedWords = {
  done: 'Отчет сдан.',
  again: 'Данные можно исправить и сдать снова до закрытия сбора.',
  back: 'Вернуться в кабинет',
};

/** The outcome of «Сдать отчет». */
export function SubmitBanner(props: {
  submit: SubmitState;
  timeZone: string;
  onPickIssue: (issue: FormIssue) => void;
  onClose: () => void;
  words?: SubmittedWords;
}) {
  const words = props.words ?? COLLECTION_WORDS;
  const { submit } = props;
  switch (submit.kind) {
    case 'idle':
    case 'busy':
      return null;
    case 'done':
      return (
        <div className="alert alert-success" role="status">
          <span>
            {words.done} <strong>Сдано {stamp(submit.at, props.timeZone)}</strong>. {words.again}
          </span>
          <button type="button" className="btn" onClick={props.onClose}>
            {words.back}
          </button>
        </div>
      );
    case 'invalid':
      return (
        <div className="alert alert-error" role="alert">
          Отчет не сдан: в форме {submit.count} {plural(submit.count, 'ошибка', 'ошибки', 'ошибок')}. Ячейки с ошибками
          выделены красным, список — под таблицей.
        </div>
      );
    case 'refused':
      return (
        <div className="alert alert-error editor-refused" role="alert">
          <div>
            <p>
              <strong>Отчет не принят.</strong> {submit.message}
            </p>
            <IssueList issues={submit.issues} onPick={props.onPickIssue} />
          </div>
        </div>
      );
    case 'error':
      return (
        <div className="alert alert-error" role="alert">
          {submit.message}
        </div>
      );
  }
}
