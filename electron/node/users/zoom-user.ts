import { z } from 'zod';

/** A Zoom user as this app shows it; `loginTypes` is null when unknown (list items carry none). */
export interface ZoomUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  /** 1 Basic, 2 Licensed, others as Zoom adds them. */
  type: number | null;
  /** active | inactive | pending, or whatever else Zoom answers. */
  status: string | null;
  roleName: string | null;
  /** '0' owner, '1' admin, '2' member; custom roles have other ids. */
  roleId: string | null;
  loginTypes: number[] | null;
}

/** One page of GET /users. */
export interface ZoomUserPage {
  users: ZoomUser[];
  /** Empty or null when this is the last page. */
  nextPageToken: string | null;
  totalRecords: number | null;
}

const text = z.string().max(1000).catch('');
const optionalText = z.string().max(1000).nullable().optional().catch(null);

const userSchema = z.object({
  id: z.string().min(1).max(200),
  email: text.optional().default(''),
  first_name: text.optional().default(''),
  last_name: text.optional().default(''),
  display_name: text.optional().default(''),
  type: z.number().int().nullable().optional().catch(null),
  status: optionalText,
  role_name: optionalText,
  role_id: z
    .union([z.string().max(100), z.number().int()])
    .nullable()
    .optional()
    .catch(null),
  login_types: z.array(z.number().int()).max(100).nullable().optional().catch(null),
});

const pageSchema = z.object({
  users: z.array(z.unknown()).max(5000),
  next_page_token: z.string().max(2000).nullable().optional().catch(null),
  total_records: z.number().int().nonnegative().nullable().optional().catch(null),
});

/** Reads a user from Zoom's JSON; null when it is not a user (no id). Unknown fields are ignored. */
export function parseZoomUser(json: unknown): ZoomUser | null {
  const parsed = userSchema.safeParse(json);
  if (!parsed.success) return null;
  const u = parsed.data;
  const displayName = u.display_name.trim() || `${u.first_name} ${u.last_name}`.trim();
  return {
    id: u.id,
    email: u.email,
    firstName: u.first_name,
    lastName: u.last_name,
    displayName,
    type: u.type ?? null,
    status: u.status ?? null,
    roleName: u.role_name ?? null,
    roleId: u.role_id === null || u.role_id === undefined ? null : String(u.role_id),
    loginTypes: u.login_types ?? null,
  };
}

/** Reads one page of GET /users; null when the answer is not a user list. Unreadable items are skipped. */
export function parseZoomUserPage(json: unknown): ZoomUserPage | null {
  const parsed = pageSchema.safeParse(json);
  if (!parsed.success) return null;
  const token = parsed.data.next_page_token ?? null;
  return {
    users: parsed.data.users.map(parseZoomUser).filter((u): u is ZoomUser => u !== null),
    nextPageToken: token === null || token === '' ? null : token,
    totalRecords: parsed.data.total_records ?? null,
  };
}
