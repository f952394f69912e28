/** Version-tag masking: rewrite, strip and detect Slurm version tags (see docs/mask.md). */
// @ts-nocheck

export { parseVersionTag, findTags, compareVersions, type TagForm, type TagMatch } from './version.js';
export { type MaskPlace, MASK_PLACES } from './walk.js';
export { maskDocument, maskText, stripDocument, DEFAULT_STRIP_PLACEHOLDER, type MaskOptions, type MaskReport, type StripOptions } from './mask.js';
export { detectVersionTags, autoMaskPair, dominantVersion, DOMINANT_SHARE, type AutoMaskDecision, type DetectedForm, type DetectedTag, type TagExample } from './detect.js';
export { formatMaskReport, formatDetectedTags } from './report.js';