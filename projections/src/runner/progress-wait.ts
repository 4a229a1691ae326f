import { firstValueFrom, Observable, of } from 'rxjs';
import { filter, map, timeout } from 'rxjs/operators';

/** Resolves true as soon as `reached()` holds (checked now and at every progress), false after `timeoutMs`. */
export function whenReached(progress: Observable<void>, reached: () => boolean, timeoutMs: number): Promise<boolean> {
  if (reached()) return Promise.resolve(true);
  return firstValueFrom(
    progress.pipe(
      filter(reached),
      map(() => true),
      timeout({ first: timeoutMs, with: () => of(false) }),
    ),
    { defaultValue: false },
  );
}
