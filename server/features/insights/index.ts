import type { Feature, FeatureContext } from '../feature.js';
import { insightsRoutes } from './insights.routes.js';

/**
 * Insights for the staff console: catalysts (docs/catalysts.md), the space's analytics with CSV
 * export (docs/analytics.md), and inviting a catalyst to host cafe tables. Read-only over the
 * other features' tables, except the invitation (a notification and an audit entry).
 */
export function insightsFeature(ctx: FeatureContext): Feature {
  return { routes: insightsRoutes({ notifier: ctx.notifier }) };
}
