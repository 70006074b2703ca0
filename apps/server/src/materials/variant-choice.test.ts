import { describe, expect, it } from 'vitest';
import { chooseVariants } from './variant-choice.ts';

const counts = [3, 3, 2, 1, 3, 3, 3, 3, 2, 3, 3, 3];

describe('chooseVariants', () => {
  it('is deterministic and gives one bank item per position within its range', () => {
    const a = chooseVariants('subj', 'org-1', 4, counts);
    expect(chooseVariants('subj', 'org-1', 4, counts)).toEqual(a);
    expect(a).toHaveLength(4);
    for (const v of a) {
      expect(v).toHaveLength(counts.length);
      v.forEach((item, p) => {
        expect(item).toBeGreaterThanOrEqual(1);
        expect(item).toBeLessThanOrEqual(counts[p]!);
      });
    }
  });

  it('gives the variants of one ОО different combinations, and different ОО different sets', () => {
    const byOrg = Array.from({ length: 200 }, (_, i) => chooseVariants('subj', `org-${i}`, 2, counts));
    for (const [v1, v2] of byOrg) expect(v1).not.toEqual(v2);
    const distinct = new Set(byOrg.map((vs) => JSON.stringify(vs[0])));
    // 3^10·2^2 combinations: 200 schools almost never share one
    expect(distinct.size).toBeGreaterThan(195);
    expect(chooseVariants('other-subject', 'org-1', 2, counts)).not.toEqual(chooseVariants('subj', 'org-1', 2, counts));
  });

  it('repeats only when the bank has fewer combinations than variants', () => {
    expect(chooseVariants('s', 'o', 3, [1, 1])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    const two = chooseVariants('s', 'o', 2, [2]);
    expect(new Set(two.map((v) => v[0]))).toEqual(new Set([1, 2]));
    expect(() => chooseVariants('s', 'o', 1, [2, 0])).toThrow();
  });
});
