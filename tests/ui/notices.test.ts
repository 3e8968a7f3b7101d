import { describe, expect, it } from 'vitest';
import { notice, Notices } from '../../src/ui/workspace/notices.svelte.ts';

describe('Notices', () => {
  it('keep one notice per code, the newest last, and take them down by id or code', () => {
    const n = new Notices();
    const a = notice('link-corrupt', 'error', 'first');
    n.say(a);
    n.say(notice('saved', 'info', 'saved'));
    n.say(notice('link-corrupt', 'error', 'second'));
    expect(n.list.map((x) => x.text)).toEqual(['saved', 'second']);
    n.dismiss(a.id);
    expect(n.list).toHaveLength(2);
    n.dismiss(n.list[0].id);
    expect(n.list.map((x) => x.code)).toEqual(['link-corrupt']);
    n.clear('link-corrupt');
    expect(n.list).toEqual([]);
  });
});
