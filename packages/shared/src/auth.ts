import { z } from 'zod';
import { roleSchema } from './roles.ts';
import { regionCodeSchema } from './common.ts';
import { tenantSchema } from './tenancy.ts';

export const PASSWORD_MIN = 10;
export const passwordSchema = z.string().min(PASSWORD_MIN).max(256);

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  organizationId: z.uuid().nullable(),
  regionCodes: z.array(regionCodeSchema),
  mustChangePassword: z.boolean(),
  tenant: tenantSchema,
  /** Actions this user may perform, so the console can hide what the server would refuse. */
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

export const sessionResponseSchema = z.object({ user: meSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
