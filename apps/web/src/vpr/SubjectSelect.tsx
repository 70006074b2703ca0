import type { Subject } from '@oko/shared';
import { subjectTitle } from './words';

/** The subject × grade a list is about. */
export function SubjectSelect(props: {
  id: string;
  subjects: Subject[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>Предмет</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.subjects.map((s) => (
          <option key={s.id} value={s.id}>
            {subjectTitle(s)} ({s.code})
          </option>
        ))}
      </select>
    </div>
  );
}
