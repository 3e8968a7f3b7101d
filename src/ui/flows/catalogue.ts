import { EXPLANATIONS_EN, type Explanations } from './explanations.ts';
import { FLOW_LABELS_EN, type FlowLabels } from './labels.ts';

/**
 * All text of the actor flows in one locale. A translation is a new pair of
 * files and one object like FLOWS_EN; placeholders and numbers are filled by
 * the app's one formatter (../messages/format.ts) in the catalogue's locale.
 */
export interface FlowsCatalogue {
  readonly locale: string;
  readonly labels: FlowLabels;
  readonly explanations: Explanations;
}

export const FLOWS_EN: FlowsCatalogue = { locale: 'en', labels: FLOW_LABELS_EN, explanations: EXPLANATIONS_EN };

