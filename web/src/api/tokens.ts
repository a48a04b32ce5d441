import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiTokenCreatedSchema, apiTokenSchema, type TOKEN_SCOPES } from '@pantau/shared';
import { api } from './client.ts';
import { keys } from './keys.ts';
import { arrayOf } from './parsers.ts';

const tokensParser = arrayOf(apiTokenSchema);

export interface TokenCreate {
  name: string;
  scopes: (typeof TOKEN_SCOPES)[number][];
  expiresInDays: number | null;
}

export function useTokens() {
  return useQuery({ queryKey: keys.tokens, queryFn: () => api.get('/api/tokens', tokensParser) });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenCreate) => api.post('/api/tokens', body, apiTokenCreatedSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/api/tokens/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}
