import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
// algorithm 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password);

/** Verifies against this when the login does not exist, so timing does not reveal which logins do. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('ОКО: нет такой учётной записи'));

// No look-alike characters (0/O, 1/l/I): passwords are read off paper and typed by hand.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** 12 characters from 56: ~70 bits, with at least one of each class. */
export function generatePassword(length = 12): string {
  const all = LOWER + UPPER + DIGITS;
  const pick = (set: string) => set[randomInt(set.length)]!;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** The rule for a password a user chooses: long enough, not the login, not all one class. */
export function passwordProblem(login: string, password: string): string | null {
  if (password.length < 10) return 'Новый пароль должен быть не короче 10 символов';
  if (password.toLowerCase().includes(login.toLowerCase())) return 'Пароль не должен содержать логин';
  const classes = [/[a-zа-яё]/, /[A-ZА-ЯЁ]/, /\d/, /[^\da-zA-Zа-яА-ЯёЁ]/].filter((re) => re.test(password));
  if (classes.length < 2) return 'Пароль должен содержать символы хотя бы двух видов: буквы, цифры, знаки';
  return null;
}
