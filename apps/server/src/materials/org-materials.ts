import type { MaterialsGroup } from '@oko/shared';
import { buildArchive } from './archive-zip.ts';
import { newArchivePassword } from './password-seal.ts';
import { renderCriteriaPdf, renderVariantPdf } from './pdf/index.ts';
import type { CriteriaTask, MaterialsHeader, VariantTask } from './pdf/index.ts';
import { chooseVariants } from './variant-choice.ts';

export interface BankTask {
  position: number;
  number: string;
  maxScore: number;
  /** interchangeable items, item_no 1..n in order */
  items: { text: string; answer: string; criteria: string; image: Buffer | null }[];
}

export interface MaterialsSubject {
  id: string;
  campaignTitle: string;
  code: string;
  name: string;
  grade: number;
  group: MaterialsGroup;
  variants: number;
}

export interface OrgMaterials {
  variants: number[][];
  archive: Buffer;
  criteria: Buffer;
  /** the archive's password, encrypted group only; the caller seals it at once */
  password: string | null;
}

/** Everything one ОО prints for one subject: its variants, the archive, the criteria. */
export async function buildOrgMaterials(
  subject: MaterialsSubject,
  bank: readonly BankTask[],
  org: { id: string; login: string },
  at: Date,
): Promise<OrgMaterials> {
  const variants = chooseVariants(
    subject.id,
    org.id,
    subject.variants,
    bank.map((t) => t.items.length),
  );
  const header: MaterialsHeader = {
    campaignTitle: subject.campaignTitle,
    subjectCode: subject.code,
    subjectName: subject.name,
    grade: subject.grade,
    orgLogin: org.login,
  };
  const item = (choice: number[], p: number) => bank[p]!.items[choice[p]! - 1]!;
  const variantPdfs = await Promise.all(
    variants.map((choice, v) =>
      renderVariantPdf(
        header,
        v + 1,
        bank.map((t, p): VariantTask => ({ number: t.number, maxScore: t.maxScore, ...pick(item(choice, p)) })),
      ),
    ),
  );
  const criteria = await renderCriteriaPdf(
    header,
    variants.map((choice, v) => ({
      variant: v + 1,
      tasks: bank.map((t, p): CriteriaTask => ({
        number: t.number,
        maxScore: t.maxScore,
        answer: item(choice, p).answer,
        criteria: item(choice, p).criteria,
      })),
    })),
  );
  const entries = variantPdfs.map((data, v) => ({ name: `Вариант ${v + 1}.pdf`, data }));
  // the open group gets its criteria with the archive; the encrypted group's open after 14:00 MSK
  if (subject.group === 'open') entries.push({ name: 'Критерии оценивания.pdf', data: criteria });
  const password = subject.group === 'encrypted' ? newArchivePassword() : null;
  const archive = await buildArchive(entries, password, at);
  return { variants, archive, criteria, password };
}

const pick = (i: BankTask['items'][number]) => ({ text: i.text, image: i.image });

export const materialsFileNames = (subject: Pick<MaterialsSubject, 'code' | 'grade'>, login: string) => ({
  archive: `ВПР_${subject.code}${subject.grade}_${login}.zip`,
  criteria: `Критерии_${subject.code}${subject.grade}_${login}.pdf`,
});
