// Types of the collections contract that @oko/shared exports only as schemas.
import type * as S from '@oko/shared';

export type CollectionSummary = (typeof S.CollectionSummary)['_output'];
