import { randomBytes } from 'node:crypto';
import type { Role } from '@oko/shared';
import { BlobsRepository } from '../src/storage/blobs.repository.ts';
import { signedIn, startHarness, type Client, type Harness } from './harness.ts';
import { PlatformFactory, TEST_PASSWORD } from './factories.ts';
import { buildWorld, signInAll, type World } from './world.ts';

/** The two-region world signed in by role, plus the second school (s2) for «someone else's ОО» checks. */
export async function startPublicationsWorld(): Promise<{
  h: Harness;
  w: World;
  as: Record<Role, Client>;
  s2: Client;
}> {
  const h = await startHarness();
  const w = await buildWorld(h);
  const as = await signInAll(h, w);
  const s2 = await signedIn(h.app, w.users.s2.login, TEST_PASSWORD);
  return { h, w, as, s2 };
}

/** A multipart/form-data body as a browser sends it: UTF-8 file names, fields as plain parts. */
export function multipart(
  files: { name: string; content: string | Buffer }[],
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----oko${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    const name = f.name.replace(/"/g, '%22');
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function upload(
  client: Client,
  storageId: string,
  files: { name: string; content: string | Buffer }[],
  fields: Record<string, string> = {},
) {
  return client.request({ method: 'POST', url: `/api/storages/${storageId}/files`, ...multipart(files, fields) });
}

/**
 * A stored file whose bytes really are in the blob storage (the factory alone only writes the row),
 * so downloads and archives can be checked byte for byte.
 */
export async function storedFile(
  h: Harness,
  storageId: string,
  v: {
    name: string;
    content: string | Buffer;
    orgId?: string | null;
    onlyForOrgs?: boolean;
    availableAt?: Date | null;
    availableLocal?: string | null;
  },
) {
  const bytes = Buffer.isBuffer(v.content) ? v.content : Buffer.from(v.content);
  const blob = await h.services.blobs.put(bytes);
  await new BlobsRepository(h.db).record(blob);
  return h.db
    .insertInto('storage_files')
    .values({
      storage_id: storageId,
      name: v.name,
      sha256: blob.sha256,
      size: blob.size,
      org_id: v.orgId ?? null,
      only_for_orgs: v.onlyForOrgs ?? false,
      available_at: v.availableAt ?? null,
      available_local: v.availableLocal ?? null,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

export async function publicationWithStorage(
  h: Harness,
  v: Parameters<PlatformFactory['publication']>[0] & { storageTitle?: string } = {},
) {
  const pf = new PlatformFactory(h.db);
  const pub = await pf.publication(v);
  const storage = await pf.storage(pub.id, v.storageTitle ?? 'Хранилище');
  return { pub, storage };
}

export const ALL_ROLES: Role[] = ['region_coordinator', 'spo_region_coordinator', 'municipal_coordinator', 'school'];

export interface ListedFile {
  id: string;
  name: string;
  orgLogin: string | null;
  onlyForOrgs: boolean;
  availableAt: string | null;
  available: boolean;
  downloadable: boolean;
  lastDownloadedAt: string | null;
}
export interface ListedPublication {
  id: string;
  title: string;
  section: string;
  canEdit: boolean;
  authorRegionCode: string | null;
  storages: { id: string; title: string; canReport: boolean; files: { items: ListedFile[]; total: number } }[];
  collections: {
    id: string;
    title: string;
    status: 'open' | 'closed';
    entry: { state: string; lastSubmittedAt: string | null } | null;
  }[];
}

export async function listPublications(client: Client, query = ''): Promise<ListedPublication[]> {
  const res = await client.get(`/api/publications${query}`);
  if (res.statusCode !== 200) throw new Error(`GET /api/publications: ${res.statusCode} ${res.body}`);
  return res.json() as ListedPublication[];
}

export async function filesOf(client: Client, storageId: string, query = ''): Promise<ListedFile[]> {
  const res = await client.get(`/api/storages/${storageId}/files${query}`);
  if (res.statusCode !== 200) throw new Error(`GET files: ${res.statusCode} ${res.body}`);
  return (res.json() as { items: ListedFile[] }).items;
}
