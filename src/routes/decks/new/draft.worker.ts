/// <reference lib="webworker" />
// Drafts a deck off the main thread: loading the English tagger and reading a long article take
// seconds on a phone. The page starts this worker as it opens, so the tagger is ready when the
// teacher presses "Draft cards".
import { draftArticle, type DraftInput, type DraftResult } from '$lib/domain/draft';

export type DraftReply =
  { type: 'ready' } | { type: 'progress'; fraction: number } | { type: 'result'; result: DraftResult };

self.onmessage = (event: MessageEvent<DraftInput>) => {
  let last = 0;
  const result = draftArticle(event.data, (fraction) => {
    if (fraction - last >= 0.05 || fraction === 1) {
      last = fraction;
      self.postMessage({ type: 'progress', fraction } satisfies DraftReply);
    }
  });
  self.postMessage({ type: 'result', result } satisfies DraftReply);
};

self.postMessage({ type: 'ready' } satisfies DraftReply);
