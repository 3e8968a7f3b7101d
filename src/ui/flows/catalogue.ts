import { EXPLANATIONS_EN, type Explanations } from './explanations.ts';
import { EXPLANATIONS_ZH } from './explanations.zh.ts';
import { FLOW_LABELS_EN, type FlowLabels } from './labels.ts';
import { FLOW_LABELS_ZH } from './labels.zh.ts';

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


export const FLOWS_ZH: FlowsCatalogue = { locale: 'zh-CN', labels: FLOW_LABELS_ZH, explanations: EXPLANATIONS_ZH };

/** The flows' text for a locale: Chinese for any `zh…` locale, English otherwise. */
export const flowsCatalogue = (locale: string): FlowsCatalogue => (locale.toLowerCase().startsWith('zh') ? FLOWS_ZH : FLOWS_EN);
