/**
 * The people and organisations an article names, gathered before any card is made, so that "Ms
 * Raman" and "Raman" are known to be Priya Raman, and "he" and "the firm" can be resolved.
 */
import type { Mention } from './mentions';
import type { Sentence } from './nlp';

export interface Person {
  /** The fullest form of the name the article uses. */
  name: string;
  /** The last word of the name: how the article refers to them later. */
  surname: string;
  gender?: 'female' | 'male';
}

export class Cast {
  private readonly bySurname = new Map<string, Person>();
  private readonly byFirst = new Map<string, Person>();
  readonly orgs: string[] = [];
  /** Organisations the article writes with "the" before them ("the Environment Agency"). */
  private readonly withThe = new Set<string>();

  /** Records every person and organisation mentioned in a sentence. */
  gather(sentence: Sentence, mentions: Mention[]): void {
    for (const m of mentions) {
      if (m.sort === 'org' && !this.orgs.includes(m.text)) this.orgs.push(m.text);
      if (m.sort === 'org' && sentence.tokens[m.first - 1]?.lower === 'the') this.withThe.add(m.text);
      if (m.sort !== 'person') continue;
      const words = m.text.split(/\s+/);
      if (words.length < 2) continue;
      const surname = words[words.length - 1];
      const key = surname.toLowerCase();
      const known = this.bySurname.get(key);
      const gender = sentence.tokens[m.first].tags.has('FemaleName')
        ? 'female'
        : sentence.tokens[m.first].tags.has('MaleName')
          ? 'male'
          : undefined;
      if (!known || known.name.length < m.text.length) {
        const person: Person = { name: m.text, surname, gender: gender ?? known?.gender };
        this.bySurname.set(key, person);
        this.byFirst.set(words[0].toLowerCase(), person);
      }
    }
  }

  private readonly roles: { person: Person; role: string }[] = [];

  /** Remembers a person's role, so "the Venezuelan president" can be resolved to them later. */
  noteRole(person: Person, role: string): void {
    this.roles.unshift({ person, role: role.toLowerCase() });
  }

  /**
   * The person whose role has this noun ("president") and shares most words with the description
   * ("Venezuelan president"); the latest given such a role among equals.
   */
  byRole(noun: string, description: string[]): Person | undefined {
    let best: { person: Person; score: number } | undefined;
    for (const r of this.roles) {
      const words = r.role.split(/\s+/);
      if (!words.includes(noun.toLowerCase())) continue;
      const score = description.filter((d) => words.includes(d.toLowerCase())).length;
      if (!best || score > best.score) best = { person: r.person, score };
    }
    return best?.person;
  }

  /** The person a mention names, if the article names them in full somewhere. */
  person(text: string): Person | undefined {
    const words = text.split(/\s+/);
    const last = words[words.length - 1].toLowerCase();
    return this.bySurname.get(last) ?? (words.length === 1 ? this.byFirst.get(last) : undefined);
  }

  /** A name mention that is a known person's surname becomes a person mention. */
  resolve(mentions: Mention[]): Mention[] {
    return mentions.map((m) =>
      m.sort === 'name' && !m.text.includes(' ') && this.bySurname.has(m.text.toLowerCase())
        ? { ...m, sort: 'person' }
        : m
    );
  }

  /** An organisation's name as it reads in running text: "the Environment Agency", "Delta Marine Works". */
  orgInText(name: string): string {
    return this.withThe.has(name) ? `the ${name}` : name;
  }

  /** The organisation a common noun stands for ("the council" → "Port Ellis City Council"), latest first. */
  orgFor(noun: string, recent: readonly string[]): string | undefined {
    const lower = noun.toLowerCase();
    return recent.find((o) => o.toLowerCase().split(/\s+/).includes(lower));
  }
}

/** Who was last mentioned, for "he", "she", "its" and "the firm" in the sentences that follow. */
export interface Context {
  person?: Person;
  female?: Person;
  male?: Person;
  /** Organisations in the order last mentioned, latest first. */
  orgs: string[];
  /** The organisation the previous sentence starts with, which "its" and "their" in this one may mean. */
  subject?: string;
  /** The study, survey or report last named in this paragraph, which "it found" means. */
  document?: string;
  /** Who the previous attributed statement in this paragraph is by. */
  speaker?: { name: string; sort: 'person' | 'org' | 'group' | 'source' };
}

export function updateContext(ctx: Context, cast: Cast, mentions: Mention[]): void {
  const first = mentions[0];
  ctx.subject = first && first.sort === 'org' && first.first <= 1 ? first.text : undefined;
  for (const m of mentions) {
    if (m.sort === 'person') {
      const p = cast.person(m.text);
      if (!p) continue;
      ctx.person = p;
      if (p.gender === 'female') ctx.female = p;
      if (p.gender === 'male') ctx.male = p;
    }
    if (m.sort === 'org') {
      const i = ctx.orgs.indexOf(m.text);
      if (i >= 0) ctx.orgs.splice(i, 1);
      ctx.orgs.unshift(m.text);
    }
  }
}
