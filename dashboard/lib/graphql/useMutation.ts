'use client';
// Runs a mutation from a client component, then re-renders the server components that show its effect.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { request } from './client';
import { toFailure, type RequestFailure } from './errors';
import type { Operation, VariablesArg } from './operation';

export function useMutation<TData, TVariables>(operation: Operation<TData, TVariables>) {
  const router = useRouter();
  const [running, setRunning] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [error, setError] = useState<RequestFailure | null>(null);

  /** Resolves to the data, or to undefined after recording the error for display. */
  async function run(...variables: VariablesArg<TVariables>): Promise<TData | undefined> {
    setRunning(true);
    setError(null);
    try {
      const data = await request(operation, ...variables);
      startRefresh(() => router.refresh());
      return data;
    } catch (failure) {
      setError(toFailure(failure));
      return undefined;
    } finally {
      setRunning(false);
    }
  }

  return { run, pending: running || refreshing, error, clearError: () => setError(null) };
}
