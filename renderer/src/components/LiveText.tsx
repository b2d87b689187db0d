import { statusAt } from '../../../contract';
import { relativeTime } from '../format/time';
import { useLive } from './useNow';

/** A container's status ("Up 5 minutes (healthy)"), ticking on from the anchor main parsed. */
export function LiveStatus({ status, since }: { status: string; since: number | undefined }) {
  const text = useLive((now) => statusAt(status, since, now), since !== undefined);
  return <>{text}</>;
}

/** "3 minutes ago" from epoch seconds, kept current. */
export function LiveRelative({ epochSeconds }: { epochSeconds: number }) {
  return <>{useLive((now) => relativeTime(epochSeconds, now))}</>;
}
