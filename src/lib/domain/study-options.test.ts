import { describe, expect, it } from 'vitest';
import { studyOptionOrder } from './study-options';

const OPTIONS = ['Mombasa', 'Nairobi', 'Kisumu', 'Nakuru'];
const START = Date.UTC(2026, 0, 5, 9, 30);

describe('studyOptionOrder', () => {
  it('shows every option once, and leaves the authored list alone', () => {
    const authored = Object.freeze([...OPTIONS]);
    expect([...studyOptionOrder(authored, 'kenya-capital', START)].sort()).toEqual([...OPTIONS].sort());
    expect(authored).toEqual(OPTIONS);
  });

  it('keeps one order for a card all session, whenever it is shown again', () => {
    const first = studyOptionOrder(OPTIONS, 'kenya-capital', START);
    for (let i = 0; i < 5; i++) expect(studyOptionOrder(OPTIONS, 'kenya-capital', START)).toEqual(first);
  });

  it('puts the right answer in every place across sessions, not where the file has it', () => {
    const places = new Set<number>();
    let authoredPlace = 0;
    for (let day = 0; day < 40; day++) {
      const place = studyOptionOrder(OPTIONS, 'kenya-capital', START + day * 86_400_000).indexOf('Nairobi');
      places.add(place);
      if (place === 1) authoredPlace++;
    }
    expect([...places].sort()).toEqual([0, 1, 2, 3]);
    expect(authoredPlace).toBeLessThan(20);
  });

  it('orders two cards of a session independently', () => {
    const orders = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => studyOptionOrder(OPTIONS, id, START).join())
    );
    expect(orders.size).toBeGreaterThan(1);
  });
});
