import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common.js';
import { PersonSchema, StatusChangeSchema, WaveSummarySchema } from './waves.js';
import { SETTABLE_STATUSES, WAVE_STATUSES } from '../waves.js';

export const PIPELINE_LIMITS = { columnDefault: 50, columnMax: 200, candidates: 3 } as const;

/**
 * How widely an idea was raised or shaped, next to its raw vote count (`supporters`):
 * `tables` distinct cafe tables whose conversation was promoted into it (`wave_credits` from a
 * table) or where a visible message linked it (`…/waves/<id>`); `firstTimeContributors` people
 * whose first contribution in the space (document edit, visible blip, table credit) was to it.
 */
export const BreadthSchema = z.object({ tables: z.int(), firstTimeContributors: z.int() });
export type Breadth = z.infer<typeof BreadthSchema>;

/** Another wave that looks like the same idea (title words found by search), to merge into. */
export const MergeCandidateSchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: z.enum(WAVE_STATUSES),
  supporters: z.int(),
  /** Title words of this wave it matched (more is closer). */
  matched: z.array(z.string()),
});
export type MergeCandidate = z.infer<typeof MergeCandidateSchema>;

export const PipelineWaveSchema = z.object({
  wave: WaveSummarySchema,
  breadth: BreadthSchema,
  /** At most 3, closest first; never itself or a merged wave. */
  mergeCandidates: z.array(MergeCandidateSchema),
  /** The newest status change (the public reason on the card). */
  lastChange: StatusChangeSchema.nullable(),
});
export type PipelineWave = z.infer<typeof PipelineWaveSchema>;

export const PipelineColumnSchema = z.object({
  status: z.enum(SETTABLE_STATUSES),
  /** Waves with this status in all (the column shows at most `limit`: most supported first). */
  total: z.int(),
  waves: z.array(PipelineWaveSchema),
});
export type PipelineColumn = z.infer<typeof PipelineColumnSchema>;

export const PipelineSchema = z.object({ columns: z.array(PipelineColumnSchema), at: IsoDateSchema });
export type Pipeline = z.infer<typeof PipelineSchema>;

export const PipelineQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(PIPELINE_LIMITS.columnMax).default(PIPELINE_LIMITS.columnDefault),
});

/** Everyone named on a shipped wave ("made with …"). */
export const MadeWithSchema = z.array(PersonSchema);
