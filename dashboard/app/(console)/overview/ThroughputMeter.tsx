'use client';
// The API reports completed-request counters, not a rate: the rate is the counter's growth between two
// refreshes of the overview, timed by the server that sampled them.
import { useEffect, useRef, useState } from 'react';
import { formatRate } from '@/lib/format';
import { useI18n } from '@/lib/i18n/client';

export function ThroughputMeter({ completed, sampledAt }: { completed: number; sampledAt: number }) {
  const { t } = useI18n();
  const previous = useRef<{ completed: number; sampledAt: number } | null>(null);
  const [rate, setRate] = useState<number | null>(null);

  useEffect(() => {
    const last = previous.current;
    // A counter that went down means the API restarted: start measuring again.
    if (last && sampledAt > last.sampledAt && completed >= last.completed) {
      setRate(((completed - last.completed) * 1000) / (sampledAt - last.sampledAt));
    }
    previous.current = { completed, sampledAt };
  }, [completed, sampledAt]);

  return <>{rate === null ? t.common.none : t.overview.imagesPerSecond(formatRate(rate))}</>;
}
