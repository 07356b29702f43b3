export { default as Citation } from './Citation.svelte';
export { default as KindBadge } from './KindBadge.svelte';
export { default as ProgressBar } from './ProgressBar.svelte';
export { default as UpdateBanner } from './UpdateBanner.svelte';
export { paragraphLabel } from './citation';
export { formatDue } from './format-due';
export { default as ClozeText } from './ClozeText.svelte';
export { default as CardProvenance } from './CardProvenance.svelte';
export { default as RichText } from './RichText.svelte';
