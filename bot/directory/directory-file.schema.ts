import { z } from 'zod';

/** The directory file format: a public contract (others write such files), so it is strict. */
const guidLike = z.string().trim().min(1, 'must not be empty').max(128);

export const directoryFileSchema = z.strictObject({
  tenants: z.array(
    z.strictObject({
      id: guidLike,
      name: z.string().trim().min(1).max(256),
      domain: z
        .string()
        .trim()
        .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain name such as contoso.com'),
      partnerId: z
        .string()
        .trim()
        .regex(/^\d{1,12}$/, 'must be the numeric Partner ID')
        .optional(),
    }),
  ),
  users: z.array(
    z.strictObject({
      id: guidLike,
      tenantId: guidLike,
      name: z.string().trim().min(1).max(256),
      email: z.email(),
      roles: z.array(z.string().trim().min(1)).default([]),
    }),
  ),
  groups: z.array(
    z.strictObject({
      id: guidLike,
      tenantId: guidLike,
      name: z.string().trim().min(1).max(256),
      members: z.array(guidLike).default([]),
    }),
  ),
});

export type DirectoryFile = z.infer<typeof directoryFileSchema>;
