import { useSearchParams } from 'react-router';

/** A value from the URL if it is one of the allowed ones, else undefined (a stale link just shows everything). */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/**
 * Filter state kept in the URL, so a filtered list can be bookmarked and
 * shared, and the back button undoes nothing unexpected (updates replace).
 */
export function useFilterParams(): [URLSearchParams, (key: string, value: string) => void] {
  const [params, setParams] = useSearchParams();
  const update = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return [params, update];
}
