/** Wire shapes of signing in and of the signed-in user. */
import { z } from 'zod';
import { staffRoles } from '../domain/permissions.js';
import { text } from './common.js';

export const roles = staffRoles;

export const credentialsSchema = z.object({ email: text(320), password: z.string().min(1, 'must not be empty').max(1000) });
export const userSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(roles) });
export const sessionSchema = z.object({ user: userSchema, token: z.string(), expiresAt: z.string() });
export const currentUserSchema = z.object({ user: userSchema });
