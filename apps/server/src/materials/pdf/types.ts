/** What every ВПР material page names: the campaign, the subject, the grade and the school it was printed for. */
export interface MaterialsHeader {
  campaignTitle: string;
  subjectCode: string;
  subjectName: string;
  grade: number;
  orgLogin: string;
}

export interface VariantTask {
  number: string;
  maxScore: number;
  text: string;
  /** PNG or JPEG. */
  image?: Buffer | null;
}

export interface CriteriaTask {
  number: string;
  maxScore: number;
  answer: string;
  criteria: string;
}

export interface CriteriaVariant {
  variant: number;
  tasks: CriteriaTask[];
}

export interface CodeSlipsInput {
  campaignTitle: string;
  orgLogin: string;
  orgName: string;
  grade: number;
  codes: string[];
}

export interface ProtocolSubject {
  /** Short code printed as a column heading, e.g. «РУ», «МА». */
  code: string;
  name: string;
}

export interface ProtocolInput {
  campaignTitle: string;
  orgLogin: string;
  orgName: string;
  grade: number;
  codes: string[];
  subjects: ProtocolSubject[];
}
