import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '@pdca/kernel';

/**
 * Failed sign-ins allowed per fixed window, and the window (seconds). The window starts with the
 * first failure and is never extended, so a name or address is refused for at most one window
 * after the attack stops: an attacker cannot lock a real user out for long. Only failures count (a
 * busy office behind one address signs in freely): a correct password gives its attempt back, and
 * clears the user name's failures so far (a user who finally typed it right starts afresh).
 * - per user name, from any address: 10 in 5 minutes, i.e. at most 2,880 guesses a day at one
 *   account; a user who mistypes ten times waits at most 5 minutes.
 * - per client address, over all names: 50 in 5 minutes, so one client spraying many names is
 *   stopped, while staff sharing an office's address may mistype 50 times in 5 minutes.
 */
export const LOGIN_LIMITS = {
  perUserName: { failures: 10, windowSeconds: 300 },
  perAddress: { failures: 50, windowSeconds: 300 },
} as const;

export class TooManyAttempts extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'TOO_MANY_ATTEMPTS',
      'too_many_requests',
      `ログインの失敗が続いたため、しばらく受け付けません。${retryAfterSeconds}秒後にもう一度お試しください。`,
      `Too many failed sign-ins; try again in ${retryAfterSeconds} seconds.`,
      { retryAfterSeconds },
    );
  }
}

/**
 * Counts failed sign-ins with rate-limiter-flexible (in this process's memory; one API process).
 * Per user name, an attempt takes its point before the password is checked, so parallel guesses at
 * one account cannot slip past the count while scrypt runs; the right password gives it back.
 * Per address, the count is only read before and charged after a failure: charging first made a
 * burst of correct sign-ins from one office (more than the limit in flight at once) look like an
 * attack. The price: parallel guesses over many names from one address can exceed the address
 * limit once, by the number in flight, before it closes; each name's own limit still holds.
 */
@Injectable()
export class LoginThrottle {
  private readonly byUserName = new RateLimiterMemory({
    keyPrefix: 'login-user',
    points: LOGIN_LIMITS.perUserName.failures,
    duration: LOGIN_LIMITS.perUserName.windowSeconds,
  });
  private readonly byAddress = new RateLimiterMemory({
    keyPrefix: 'login-address',
    points: LOGIN_LIMITS.perAddress.failures,
    duration: LOGIN_LIMITS.perAddress.windowSeconds,
  });

  /** Runs one sign-in attempt; throws TooManyAttempts without calling `attempt` while either limit is reached. */
  async guard<T>(userName: string, address: string, attempt: () => Promise<T | undefined>): Promise<T | undefined> {
    const user = userName.toLowerCase();
    await this.refuseSprayingAddress(address);
    try {
      await this.byUserName.consume(user);
    } catch (refusal) {
      throw new TooManyAttempts(secondsBeforeNext(refusal));
    }
    const result = await attempt();
    // The right password ends the user name's run of failures; a wrong one counts against the address too.
    if (result !== undefined) await this.byUserName.delete(user);
    else await this.byAddress.penalty(address);
    return result;
  }

  private async refuseSprayingAddress(address: string): Promise<void> {
    const failures = await this.byAddress.get(address);
    if (failures && failures.consumedPoints >= LOGIN_LIMITS.perAddress.failures)
      throw new TooManyAttempts(secondsBeforeNext(failures));
  }
}

function secondsBeforeNext(reason: unknown): number {
  return Math.max(1, Math.ceil(msBeforeNext(reason) / 1000));
}

function msBeforeNext(reason: unknown): number {
  if (reason instanceof RateLimiterRes) return reason.msBeforeNext;
  throw reason; // not a limit but a failure of the limiter itself
}
