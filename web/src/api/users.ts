import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  userPageSchema,
  userSchema,
  type Role,
  type UserCreate,
  type UserUpdate,
} from '@pantau/shared';
import { api } from './client.ts';
import { keys } from './keys.ts';

export interface UserFilters {
  q?: string;
  role?: Role;
}

export function useUserPage(filters: UserFilters, limit: number, offset: number) {
  const query = { ...filters, limit, offset };
  return useQuery({
    queryKey: keys.userList(query),
    queryFn: () => api.get('/api/users', userPageSchema, query),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post('/api/users', body, userSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}

export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserUpdate) => api.patch(`/api/users/${id}`, body, userSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}
