import { queryOptions } from '@tanstack/react-query';
import { call } from '../api/client';

export const engineKeys = {
  all: () => ['engines'] as const,
  list: () => [...engineKeys.all(), 'list'] as const,
};

export const engineQueries = {
  list: () =>
    queryOptions({ queryKey: engineKeys.list(), queryFn: () => call('engines.list', {}) }),
};
