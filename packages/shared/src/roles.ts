import { z } from 'zod';

/** The six roles of a command center (DOMAIN.md "Who uses Pantau"). */
export const ROLES = ['admin', 'operator', 'pimpinan', 'agency_officer', 'ppid_officer', 'data_steward'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
