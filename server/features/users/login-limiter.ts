import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ERROR_CODES } from '../../../shared/errors.js';
import { AppError } from '../../http/errors.js';

const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed logins per IP and per account over 15 minutes. Only failures count,
 * so a person who types the right password is never locked out by their own success.
 * In memory per process; the Redis store of rate-limiter-flexible takes over when scaled out.
 */
export class LoginLimiter {
  private readonly byIp: RateLimiterMemory;
  private readonly byAccount: RateLimiterMemory;

  constructor(limits: { perIp: number; perAccount: number }) {
    this.byIp = new RateLimiterMemory({ keyPrefix: 'login-ip', points: limits.perIp, duration: WINDOW_SECONDS });
    this.byAccount = new RateLimiterMemory({
      keyPrefix: 'login-account',
      points: limits.perAccount,
      duration: WINDOW_SECONDS,
    });
  }

  /** Throws 429 when either counter is used up, before the password is even checked. */
  async assertAllowed(ip: string, account: string): Promise<void> {
    const [ipState, accountState] = await Promise.all([this.byIp.get(ip), this.byAccount.get(account)]);
    const blocked = [
      [ipState, this.byIp.points],
      [accountState, this.byAccount.points],
    ].filter(([state, points]) => state && (state as RateLimiterRes).consumedPoints >= (points as number));
    if (blocked.length > 0) {
      const retryAfter = Math.max(...blocked.map(([s]) => Math.ceil((s as RateLimiterRes).msBeforeNext / 1000)));
      throw new AppError(ERROR_CODES.RATE_LIMITED, `Too many failed sign-ins; try again in ${retryAfter} s`, {
        retryAfter,
      });
    }
  }

  async recordFailure(ip: string, account: string): Promise<void> {
    await Promise.all([
      this.byIp.penalty(ip, 1),
      this.byAccount.penalty(account, 1),
    ]);
  }

  async recordSuccess(account: string): Promise<void> {
    await this.byAccount.delete(account);
  }
}
