import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting tuoyu reads from the environment. This is the only reader of process.env;
 * the rest of the server receives a typed Config.
 */
const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
    DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    SEARCH_MAX_LAG_MS: z.coerce.number().int().min(0).max(60_000).default(200),
    SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
    SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
    SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    REQUIRE_TOTP: z.enum(['auto', 'true', 'false']).default('auto'),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
    LOCKOUT_THRESHOLD: z.coerce.number().int().positive().default(5),
    LOCKOUT_MINUTES: z.coerce.number().int().positive().default(15),
    BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
    BACKUP_WAIT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
    PUBLIC_ORIGIN: z.string().optional().transform(parseOrigins),
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters (`openssl rand -hex 32`)').optional(),
    WEB_DIST_DIR: z.string().default('./dist/web'),
    MAP_TILE_URL: z.string().optional().transform(parseTileUrl),
    MAP_TILE_ATTRIBUTION: z.string().max(200).default(''),
    FIELD_ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of 32 bytes')
      .optional(),
    AUDIT_SIGNING_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of 32 bytes')
      .optional(),
    AUDIT_SEAL_EVERY_MS: z.coerce.number().int().min(50).max(1_000).default(250),
    AUDIT_CHECKPOINT_EVERY_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
    FILE_STORAGE: z.enum(['disk', 's3']).default('disk'),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
    SMS_SENDER: z.enum(['outbox', 'http', 'aliyun']).default('outbox'),
    SMS_HTTP_URL: z.string().url().optional(),
    ALIYUN_SMS_ACCESS_KEY_ID: z.string().optional(),
    ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().optional(),
    ALIYUN_SMS_SIGN_NAME: z.string().optional(),
    ALIYUN_SMS_TEMPLATES: z.string().optional().transform(parseTemplateCodes),
    ALIYUN_SMS_ENDPOINT: z.url().default('https://dysmsapi.aliyuncs.com'),
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().optional(),
    MESSAGE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    MESSAGE_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(300),
    MESSAGE_KEEP_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),
  })
  .superRefine((e, ctx) => {
    const require = (names: readonly (keyof typeof e)[], when: string) => {
      for (const name of names) if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: `is required when ${when}` });
    };
    if (e.FILE_STORAGE === 's3') require(['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'], 'FILE_STORAGE=s3');
    if (e.SMS_SENDER === 'aliyun') {
      require([
        'ALIYUN_SMS_ACCESS_KEY_ID',
        'ALIYUN_SMS_ACCESS_KEY_SECRET',
        'ALIYUN_SMS_SIGN_NAME',
        'ALIYUN_SMS_TEMPLATES',
      ], 'SMS_SENDER=aliyun');
    }
    if (e.SMTP_URL) require(['MAIL_FROM'], 'SMTP_URL is set');
  });

/** `{ "auth.verification_code": "SMS_123456789", … }`: the gateway's template code per message template. */
function parseTemplateCodes(value: string | undefined, ctx: z.RefinementCtx): Record<string, string> {
  if (value === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    const codes = z.record(z.string(), z.string().min(1)).safeParse(parsed);
    if (codes.success) return codes.data;
  } catch {}
  ctx.addIssue({ code: 'custom', message: 'must be a JSON object of template codes, e.g. {"auth.verification_code":"SMS_123456789"}' });
  return z.NEVER;
}

// proxy-addr's names for address ranges, which Fastify's trustProxy accepts beside addresses.
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function parseTrustProxy(value: string, ctx: z.RefinementCtx): false | string[] {
  if (value === 'false') return false;
  if (value === 'true') {
    // `true` takes the left-most X-Forwarded-For entry, which any client can write: a forged
    // address would dodge the rate limits and land in the audit log.
    ctx.addIssue({
      code: 'custom',
      message:
        'true would trust any client’s X-Forwarded-For; give the proxies’ addresses or CIDRs (10.0.0.0/8,192.168.1.5) or a hop count (1)',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) {
    // Fastify trusts nothing for a hop count: it cannot tell the proxy from a client that adds hops.
    ctx.addIssue({ code: 'custom', message: 'a hop count cannot tell a proxy from a client; give the proxies’ addresses or CIDRs' });
    return z.NEVER;
  }
  const entries = value.split(',').map((v) => v.trim());
  const bad = entries.filter((v) => !PROXY_RANGE_NAMES.includes(v) && !isAddressOrCidr(v));
  if (bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `not an address, CIDR or hop count: ${bad.join(', ')}` });
    return z.NEVER;
  }
  return entries;
}

function isAddressOrCidr(value: string): boolean {
  const [address = '', bits, ...rest] = value.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** A raster tile template such as Tianditu's WMTS address with {z}, {x} and {y} after the host. */
function parseTileUrl(value: string | undefined, ctx: z.RefinementCtx): { url: string; origin: string } | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value.replace(/\{[xyz]\}/g, '0'));
    const placed = ['{z}', '{x}', '{y}'].every((p) => value.includes(p));
    if ((url.protocol === 'https:' || url.protocol === 'http:') && placed && value.startsWith(`${url.origin}/`)) {
      return { url: value, origin: url.origin };
    }
  } catch {}
  ctx.addIssue({ code: 'custom', message: 'not a tile address like https://tiles.example.gov.cn/{z}/{x}/{y}.png' });
  return z.NEVER;
}

function parseOrigins(value: string | undefined, ctx: z.RefinementCtx): string[] {
  if (value === undefined) return [];
  return value.split(',').map((given) => {
    const trimmed = given.trim().replace(/\/$/, '');
    try {
      const url = new URL(trimmed);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === trimmed.toLowerCase()) return url.origin;
    } catch {}
    ctx.addIssue({ code: 'custom', message: `not an origin like https://tuoyu.example.gov.cn: ${given}` });
    return z.NEVER;
  });
}

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL only: connections per process, and how long a request waits for one when all are busy. */
  databasePoolSize: number;
  databasePoolWaitMs: number;
  /** PostgreSQL: how long the public search may lag a commit for someone not signed in (0: never). */
  searchMaxLagMs: number;
  seedDemo: 'auto' | 'always' | 'never';
  sessionTtlHours: number;
  /** A session ends this long after sign-in however busy it is; the TTL above is the idle limit. */
  sessionMaxDays: number;
  /** Officials and admins must have a second factor before they can act. */
  requireTotp: boolean;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  bodyLimitBytes: number;
  /** How long `cli backup` waits for a running server to hand over a snapshot of the embedded database. */
  backupWaitSeconds: number;
  logLevel: string;
  /** Fastify's `trustProxy`: false, or the proxies' addresses and CIDRs. Never a blanket true. */
  trustProxy: false | string[];
  /** Origins (`https://host[:port]`) whose pages may send state-changing API requests. */
  publicOrigins: string[];
  /** The session cookie is `Secure` and `__Host-` prefixed. */
  cookieSecure: boolean;
  /** Bearer token that opens /metrics and /api/docs in production; without it they are off there. */
  metricsToken: string | undefined;
  webDistDir: string;
  /** Raster tiles for the finder's map and the origin the CSP opens to them; null: a plain map of points. */
  mapTiles: { url: string; origin: string; attribution: string } | null;
  /** Base64 of 32 bytes; see platform/crypto/fieldKey.ts for the fallback. */
  fieldEncryptionKey: string | undefined;
  /** Base64 of a 32-byte Ed25519 seed signing audit checkpoints; see platform/audit/checkpointKey.ts. */
  auditSigningKey: string | undefined;
  /** How often the sealer chains newly committed audit rows: the lag between a commit and its seal. */
  auditSealEveryMs: number;
  /** The least time between two signed checkpoints (0: one per seal that chained rows). */
  auditCheckpointEveryMs: number;
  /** Where uploaded files live: DATA_DIR/files, or an S3-compatible bucket several servers share. */
  fileStorage: FileStorageConfig;
  /**
   * How SMS leave: `outbox` keeps them readable at /api/v1/dev/outbox, `http` posts them to
   * smsHttpUrl, `aliyun` sends them through Alibaba Cloud SMS.
   */
  smsSender: 'outbox' | 'http' | 'aliyun';
  smsHttpUrl: string | undefined;
  /** Set (and complete) exactly when smsSender is `aliyun`. */
  aliyunSms: AliyunSmsConfig | undefined;
  /** E-mail over SMTP (`smtp://user:pass@host:587`, `smtps://…`); without it e-mail stays in the outbox, or fails in production. */
  smtp: { url: string; from: string } | undefined;
  /** Tries before a message is marked failed and shown to the admin. */
  messageMaxAttempts: number;
  /**
   * How long one process holds a message it is sending to a gateway or SMTP server; one killed
   * mid-send gives it back after this. Longer than the slowest send, or a slow send goes twice.
   */
  messageLeaseSeconds: number;
  /** Sent messages are deleted this many days after sending; failed ones stay for the admin. */
  messageKeepDays: number;
};

export type AliyunSmsConfig = {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  /** Template code per message template (`auth.verification_code` → `SMS_123456789`). */
  templates: Record<string, string>;
  /** The API's address; a test points it at a local server. */
  endpoint: string;
};

export type FileStorageConfig =
  | { kind: 'disk' }
  | {
      kind: 's3';
      /** Absent for AWS itself; MinIO, Alibaba Cloud OSS and others give theirs. */
      endpoint: string | undefined;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** `bucket` in the path (MinIO) rather than in the host name (OSS, AWS). */
      forcePathStyle: boolean;
    };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as shells and service managers often leave them.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.SMS_SENDER === 'http' && e.SMS_HTTP_URL === undefined) {
    throw new Error('Invalid configuration:\n  SMS_HTTP_URL: required when SMS_SENDER=http');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databasePoolWaitMs: e.DATABASE_POOL_WAIT_MS,
    searchMaxLagMs: e.SEARCH_MAX_LAG_MS,
    seedDemo: e.SEED_DEMO,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionMaxDays: e.SESSION_MAX_DAYS,
    requireTotp: e.REQUIRE_TOTP === 'auto' ? e.NODE_ENV === 'production' : e.REQUIRE_TOTP === 'true',
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    lockoutThreshold: e.LOCKOUT_THRESHOLD,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    backupWaitSeconds: e.BACKUP_WAIT_SECONDS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    publicOrigins: e.PUBLIC_ORIGIN,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? e.NODE_ENV === 'production' : e.COOKIE_SECURE === 'true',
    metricsToken: e.METRICS_TOKEN,
    webDistDir: path.resolve(e.WEB_DIST_DIR),
    mapTiles: e.MAP_TILE_URL ? { ...e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION } : null,
    fieldEncryptionKey: e.FIELD_ENCRYPTION_KEY,
    auditSigningKey: e.AUDIT_SIGNING_KEY,
    auditSealEveryMs: e.AUDIT_SEAL_EVERY_MS,
    auditCheckpointEveryMs: e.AUDIT_CHECKPOINT_EVERY_MS,
    fileStorage:
      e.FILE_STORAGE === 's3'
        ? {
            kind: 's3',
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            bucket: e.S3_BUCKET as string,
            accessKeyId: e.S3_ACCESS_KEY_ID as string,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY as string,
            forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
          }
        : { kind: 'disk' },
    smsSender: e.SMS_SENDER,
    smsHttpUrl: e.SMS_HTTP_URL,
    aliyunSms:
      e.SMS_SENDER === 'aliyun'
        ? {
            accessKeyId: e.ALIYUN_SMS_ACCESS_KEY_ID as string,
            accessKeySecret: e.ALIYUN_SMS_ACCESS_KEY_SECRET as string,
            signName: e.ALIYUN_SMS_SIGN_NAME as string,
            templates: e.ALIYUN_SMS_TEMPLATES,
            endpoint: e.ALIYUN_SMS_ENDPOINT,
          }
        : undefined,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM as string } : undefined,
    messageMaxAttempts: e.MESSAGE_MAX_ATTEMPTS,
    messageLeaseSeconds: e.MESSAGE_LEASE_SECONDS,
    messageKeepDays: e.MESSAGE_KEEP_DAYS,
  };
}

/** A config for tests and tools: defaults, then overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  // A test that writes and then searches anonymously expects the write at once; the lag has its
  // own tests (searchCache.test.ts).
  return { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEARCH_MAX_LAG_MS: '0' }), ...overrides };
}
