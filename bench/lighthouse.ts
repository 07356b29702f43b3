/**
 * Lighthouse 12 (its default config: mobile form factor, simulated throttling) on a few pages of
 * the served build, each in a fresh headless Chromium profile that chrome-launcher makes and removes.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS } from '../tests/e2e/browser';

export const CATEGORY_IDS = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export const METRIC_IDS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index'
} as const;

/**
 * What remains in Lighthouse 12 of the PWA audits (the PWA category and its installability, service
 * worker, splash screen, themed omnibox and maskable icon audits were removed in 12.0): the three whose
 * documentation is still under Lighthouse's PWA pages, now counted in best practices.
 */
export const PWA_AUDIT_IDS = ['viewport', 'is-on-https', 'redirects-http'] as const;

export interface LighthouseResult {
  url: string;
  /** Category scores, 0-100. */
  scores: Record<(typeof CATEGORY_IDS)[number], number>;
  /** Metrics in ms (CLS unitless). */
  metrics: Record<keyof typeof METRIC_IDS, number>;
  /** Audits that count towards a category and scored below 1, with their titles. */
  failing: { category: string; id: string; title: string; score: number }[];
  /** The PWA-related audits that remain; `score` null when not applicable (redirects-http on localhost). */
  pwa: { id: (typeof PWA_AUDIT_IDS)[number]; title: string; score: number | null }[];
}

/** The same flags as the browser tests, in Chromium's new headless mode. */
const FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

export async function runLighthouse(url: string, chromePath: string): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORY_IDS]
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      CATEGORY_IDS.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)])
    ) as LighthouseResult['scores'];
    const metrics = Object.fromEntries(
      Object.entries(METRIC_IDS).map(([key, id]) => [key, lhr.audits[id]?.numericValue ?? NaN])
    ) as LighthouseResult['metrics'];
    const failing: LighthouseResult['failing'] = [];
    for (const id of CATEGORY_IDS)
      for (const ref of lhr.categories[id]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit?.score !== null && audit?.score !== undefined && audit.score < 1)
          failing.push({ category: id, id: ref.id, title: audit.title, score: audit.score });
      }
    const pwa = PWA_AUDIT_IDS.map((id) => {
      const audit = lhr.audits[id];
      if (!audit) throw new Error(`Lighthouse ran no ${id} audit`);
      return { id, title: audit.title, score: audit.score };
    });
    return { url, scores, metrics, failing, pwa };
  } finally {
    chrome.kill();
  }
}
