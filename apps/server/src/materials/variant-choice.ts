import { createHash } from 'node:crypto';

/**
 * Individual variants: for each variant of an ОО, one bank item per task position. The choice is a
 * function of (subject, ОО, variant) alone, so regenerating gives the same variants, and different
 * ОО land on different combinations as long as the bank has more than one.
 */

/** counts[p] = how many interchangeable items the bank has for position p (each ≥ 1) */
export function chooseVariants(subjectId: string, orgId: string, variants: number, counts: number[]): number[][] {
  if (counts.some((c) => c < 1)) throw new Error('в банке нет заданий для одной из позиций');
  const combinations = counts.reduce((n, c) => n * BigInt(c), 1n);
  const taken = new Set<bigint>();
  const out: number[][] = [];
  for (let v = 1; v <= variants; v++) {
    let index = hashToBig(`${subjectId}:${orgId}:${v}`) % combinations;
    // two variants of one ОО differ whenever the bank allows it
    while (taken.has(index) && BigInt(taken.size) < combinations) index = (index + 1n) % combinations;
    taken.add(index);
    out.push(decode(index, counts));
  }
  return out;
}

/** The mixed-radix digits of index: item numbers, 1-based, one per position. */
function decode(index: bigint, counts: number[]): number[] {
  const items: number[] = [];
  let rest = index;
  for (const c of counts) {
    const radix = BigInt(c);
    items.push(Number(rest % radix) + 1);
    rest /= radix;
  }
  return items;
}

function hashToBig(s: string): bigint {
  return BigInt(`0x${createHash('sha256').update(s).digest('hex')}`);
}
