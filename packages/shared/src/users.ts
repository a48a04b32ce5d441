import { z } from 'zod';
import { roleSchema } from './roles.ts';
import { regionCodeSchema, pageQuerySchema, pageOf } from './common.ts';
import { passwordSchema } from './auth.ts';

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: roleSchema,
  organizationId: z.uuid().nullable(),
  regionCodes: z.array(regionCodeSchema),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

const usernameSchema = z.string().trim().toLowerCase().min(3).max(64).regex(/^[a-z0-9._-]+$/, 'huruf kecil, angka, titik, garis bawah, tanda hubung');

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(120),
  email: z.email().max(200).nullable().default(null),
  role: roleSchema,
  organizationId: z.uuid().nullable().default(null),
  regionCodes: z.array(regionCodeSchema).max(100).default([]),
  password: passwordSchema,
});
export type UserCreate = z.input<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  email: z.email().max(200).nullable().optional(),
  role: roleSchema.optional(),
  organizationId: z.uuid().nullable().optional(),
  regionCodes: z.array(regionCodeSchema).max(100).optional(),
  disabled: z.boolean().optional(),
  /** Set a new password for the user (they must change it at next login). */
  password: passwordSchema.optional(),
  /** Clear a login lockout. */
  unlock: z.literal(true).optional(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
});
export const userPageSchema = pageOf(userSchema);

/** Scopes an integration token may carry; each maps to policy actions. */
export const TOKEN_SCOPES = ['cameras:read', 'cameras:write', 'audit:read', 'incidents:read', 'incidents:write', 'open311'] as const;
export const tokenScopeSchema = z.enum(TOKEN_SCOPES);

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(tokenScopeSchema),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(tokenScopeSchema).min(1),
  expiresInDays: z.number().int().min(1).max(3650).nullable().default(365),
});
/** The secret is shown once, at creation. */
export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });
