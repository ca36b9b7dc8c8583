import type { WaveStatus } from '../../shared/schemas/waves.js';

export const STATUS_LABELS: Record<WaveStatus, string> = {
  open: 'Open',
  'under-review': 'Under review',
  planned: 'Planned',
  'in-progress': 'In progress',
  shipped: 'Shipped',
  declined: 'Declined',
  merged: 'Merged',
};
