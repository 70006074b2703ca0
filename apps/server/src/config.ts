import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL должен начинаться с postgres:// или postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  SUPPORT_CONTACT: z.string().min(1).default('support@oko.local'),
  COOKIE_SECURE: bool.default(false),
  WEB_DIST: z.string().optional(),
  TRUST_PROXY: bool.default(false),
  PUBLIC_URL: z.string().url('PUBLIC_URL: полный адрес, например https://oko.example.ru').optional(),
  CLOCK_FILE: z.string().min(1).optional(),
  JOB_WORKERS: z.coerce.number().int().min(0).max(16).default(2),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionTtlMs: number;
  supportContact: string;
  cookieSecure: boolean;
  webDist: string | undefined;
  /** Take the client address from X-Forwarded-For: only behind a proxy that sets it. */
  trustProxy: boolean;
  /** The address users type; printed on credential cards. */
  publicUrl: string;
  /** Rehearsal mode: the server's time is read from this file (clock.ts FileClock); never in production. */
  clockFile: string | undefined;
  /** Background jobs this process runs at a time; 0 — it serves HTTP only and another process runs them. */
  jobWorkers: number;
};

export class ConfigError extends Error {}

/** Reads the environment once at start; a bad value stops the server with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Неверная конфигурация окружения:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    demo: e.DEMO,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    supportContact: e.SUPPORT_CONTACT,
    cookieSecure: e.COOKIE_SECURE,
    webDist: e.WEB_DIST,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    clockFile: e.CLOCK_FILE,
    jobWorkers: e.JOB_WORKERS,
  };
}
