'use client';
// Follows one profile benchmark job: asks for it every JOB_POLL_MS while it is queued or running, and re-renders
// the page's server parts (the comparison, the recent jobs) whenever its status changes, its results included.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { request } from '@/lib/graphql/client';
import { PROFILE_BENCHMARK_JOB } from '@/lib/graphql/documents/profiles';
import { toFailure, type ErrorCode, type RequestFailure } from '@/lib/graphql/errors';
import type { ProfileBenchmarkJobFragment } from '@/lib/graphql/generated/graphql';
import { isJobActive, JOB_POLL_MS } from './jobs';

/** Failures that asking again will not cure: polling stops and the error is shown as it is. */
const FINAL_FAILURES = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'GRAPHQL_VALIDATION_FAILED',
]);
export const isFinalFailure = (failure: RequestFailure) => FINAL_FAILURES.has(failure.code);

export function useWatchedJob(initial: ProfileBenchmarkJobFragment | null) {
  const router = useRouter();
  const [, startRefresh] = useTransition();
  const [job, setJob] = useState(initial);
  const [pollError, setPollError] = useState<RequestFailure | null>(null);
  /** Counts finished polls, so that a failed one (unless final) schedules the next like a successful one. */
  const [polls, setPolls] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  const id = job?.id;
  const active = !!job && isJobActive(job.status);
  const status = job?.status;

  useEffect(() => {
    if (!id || !active) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const { profileBenchmarkJob } = await request(PROFILE_BENCHMARK_JOB, { id });
        if (cancelled) return;
        setJob(profileBenchmarkJob);
        setPollError(null);
      } catch (error) {
        if (cancelled) return;
        const failure = toFailure(error);
        setPollError(failure);
        if (isFinalFailure(failure)) return;
      }
      if (!cancelled) {
        setNow(Date.now());
        setPolls((n) => n + 1);
      }
    }, JOB_POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, active, polls]);

  // A new status is news for the server-rendered parts: the recent jobs' badges, and the results at the end.
  const shown = useRef(initial && `${initial.id}:${initial.status}`);
  useEffect(() => {
    const current = id && `${id}:${status}`;
    if (!current || current === shown.current) return;
    shown.current = current;
    startRefresh(() => router.refresh());
  }, [id, status, router]);

  /** Starts watching another job (one just started). */
  function watch(next: ProfileBenchmarkJobFragment) {
    setJob(next);
    setPollError(null);
    setNow(Date.now());
  }

  return { job, pollError, now, watch };
}
