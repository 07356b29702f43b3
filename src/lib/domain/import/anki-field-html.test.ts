import { describe, expect, it } from 'vitest';
import { plainText } from '../plain-text';
import { htmlToCardText, placeMedia, withoutSoundTags } from './anki-field-html';

const text = (html: string) => htmlToCardText(html).text;

describe('Anki field HTML as card text', () => {
  it('keeps bold, italic and underline as the Markdown subset writes them', () => {
    expect(text('<b>bold</b> <i>italic</i> <u>under</u> <strong>s</strong> <em>e</em>')).toBe(
      '**bold** *italic* ++under++ **s** *e*'
    );
    expect(text('<span style="font-weight: bold; font-style:italic">both</span>')).toBe('***both***');
    expect(text('<b>outer <b>inner</b> again</b>')).toBe('**outer inner again**');
  });

  it('moves spaces out of emphasis, which Markdown would not read with a space inside', () => {
    expect(text('a<b> word </b>b')).toBe('a **word** b');
    expect(text('<i> </i>x')).toBe('x');
  });

  it('keeps line breaks: <br>, and one line per div or paragraph', () => {
    expect(text('one<br>two<br><br>three')).toBe('one\ntwo\n\nthree');
    expect(text('<div>one</div><div>two</div>three')).toBe('one\ntwo\nthree');
    expect(text('<p>one</p><p>two')).toBe('one\ntwo');
    expect(text('<b>bold<br>still bold</b>')).toBe('**bold**\n**still bold**');
  });

  it('collapses white space as a browser shows it', () => {
    expect(text('  many   spaces\n and\ta line  ')).toBe('many spaces and a line');
    expect(text('caf&eacute;&nbsp;au&nbsp;lait &amp; tea')).toBe('café au lait & tea');
  });

  it('keeps bulleted and numbered lists, nested ones indented', () => {
    expect(text('Colours:<ul><li>red</li><li><b>blue</b></li></ul>')).toBe('Colours:\n- red\n- **blue**');
    expect(text('<ol start="3"><li>three<li>four</ol>')).toBe('3. three\n4. four');
    expect(text('<ul><li>a<ul><li>b</li></ul></li><li>c<br>more</li></ul>')).toBe('- a\n  - b\n- c\n  more');
  });

  it('keeps https and mailto links, and only the text of any other', () => {
    expect(text('<a href="https://example.org/a b">the site</a>')).toBe('[the site](https://example.org/a%20b)');
    expect(text('<a href="javascript:alert(1)">x</a>')).toBe('x');
  });

  it('escapes what Markdown would read as formatting, so the text shows as written', () => {
    const written = '2 * 3 = 6, C++ [note] `code` _x_ snake_case \\ <i>tags</i>';
    const html = written.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const out = text(html);
    expect(out).toBe('2 \\* 3 = 6, C\\++ \\[note] \\`code\\` \\_x\\_ snake_case \\\\ \\<i>tags\\</i>');
    expect(plainText(out)).toBe(written);
    expect(text('- not a list<br>1. nor this')).toBe('\\- not a list\n1\\. nor this');
  });

  it('drops scripts, styles and comments with their content, and other tags with only their markup', () => {
    const result = htmlToCardText('<style>.a{}</style><script>alert(1)</script><!-- c -->H<sub>2</sub>O');
    expect(result.text).toBe('H2O');
    expect(result.droppedFormatting).toBe(true);
    expect(htmlToCardText('<div><span>plain</span></div>').droppedFormatting).toBe(false);
    expect(htmlToCardText('<span style="color: red">red</span>').droppedFormatting).toBe(true);
  });

  it('lists images and sounds, and places them once their files are known', () => {
    const result = htmlToCardText('<b>Flag <img src="fr.png" alt="French [flag]"></b> [sound:bonjour.mp3]');
    expect(result.media).toEqual([
      { kind: 'image', name: 'fr.png', alt: 'French [flag]' },
      { kind: 'sound', name: 'bonjour.mp3', alt: '' }
    ]);
    const placed = placeMedia(result.text, result.media, (m) => `media:${m.name === 'fr.png' ? 'a' : 'b'}`);
    expect(placed).toBe('**Flag** ![French \\[flag\\]](media:a) ![](media:b)');
    // A file the package lacks leaves an image's description, and nothing of a sound.
    expect(placeMedia(result.text, result.media, () => undefined).trim()).toBe('**Flag** French \\[flag]');
  });

  it('takes https images and sources of audio and video elements, never other addresses', () => {
    expect(htmlToCardText('<img src="https://x.org/a.png">').media).toEqual([
      { kind: 'image', name: 'https://x.org/a.png', alt: '' }
    ]);
    expect(
      htmlToCardText('<img src="javascript:x"><img src="data:image/png;base64,AA"><img src="http://x/a.png">').media
    ).toEqual([]);
    expect(htmlToCardText('<audio src="a.ogg"></audio>').media).toEqual([{ kind: 'sound', name: 'a.ogg', alt: '' }]);
  });

  it('never lets markup through as HTML', () => {
    const html = htmlToCardText('&lt;script&gt;alert(1)&lt;/script&gt;<img src=x onerror=alert(1)>');
    const out = placeMedia(html.text, html.media, () => undefined);
    expect(out).not.toMatch(/(?<!\\)<script/);
    expect(plainText(out)).toBe('<script>alert(1)</script>');
  });

  it('reads markup a regular expression would stumble on: quoted >, raw text, any case', () => {
    expect(text('<span title="a > b" style=\'x\'>in</span> out')).toBe('in out');
    expect(text('<SCRIPT type=">">x</b></Script >after')).toBe('after');
    expect(text('<title>t</title><!-- <b> -->a [SOUND:] b')).toBe('a \\[SOUND:] b');
    expect(htmlToCardText('[SOUND:a<b>.mp3]').media).toEqual([{ kind: 'sound', name: 'a<b>.mp3', alt: '' }]);
    expect(text('1 < 2 and <b x="open>never closed')).toBe('1 < 2 and \\<b x="open>never closed');
    expect(text('<style>a{}')).toBe('');
    expect(text('a<!-- never closed')).toBe('a');
  });

  it('underlines from a style declaration, and only from one that says so', () => {
    expect(text('<span style="color: red; Text-Decoration-Line : underline">u</span>')).toBe('++u++');
    expect(text('<span style="text-decoration: none; font-family: underline">u</span>')).toBe('u');
  });

  // Each input is long enough that a pattern that backtracks would run past the test's time limit.
  it('takes time in proportion to the length of hostile fields (a pumped input finishes)', () => {
    const n = 100_000;
    const many = 300_000;
    // Cubic for the tokenizer this replaced: a raw-text tag never closed, over and over.
    expect(text('A' + '<STYLE-S'.repeat(n / 8))).toBe('A' + '\\<STYLE-S'.repeat(n / 8));
    // Quoted values that pair up differently from each `<`, and tags never closed.
    expect(text('<a "'.repeat(n / 4))).toBe('\\<a "'.repeat(n / 4));
    expect(text("<a'".repeat(n / 4) + '>x')).toBe('x');
    expect(text("<a'".repeat(n / 4 + 1) + '>x')).toBe("\\<a'x");
    expect(text('<a'.repeat(n / 2))).toBe('\\<a'.repeat(n / 2));
    expect(text('<script>' + '</script '.repeat(n / 10))).toBe('');
    expect(text('[sound:'.repeat(n / 10))).toBe('\\[sound:'.repeat(n / 10));
    expect(htmlToCardText('[sound:'.repeat(n / 10) + ']').media).toEqual([
      { kind: 'sound', name: '[sound:'.repeat(n / 10 - 1), alt: '' }
    ]);
    // Style declarations that only start an underline.
    expect(text(`<span style="${'text-decoration:'.repeat(many / 4)}">u</span>`)).toBe('u');
    expect(text(`<span style="${'text-decoration:'.repeat(many / 4)}underline">u</span>`)).toBe('++u++');
    // White space inside emphasis, and runs of spaces and line breaks kept by <pre>.
    // An em space is white space a browser does not collapse.
    const em = '\u2003'.repeat(many);
    expect(text(`<b>${em}x${em}y${em}</b>`)).toBe(`**x${em}y**`);
    const spaces = ' '.repeat(many);
    const breaks = '\n'.repeat(many);
    expect(text(`<pre>a${spaces}b${spaces}</pre>`)).toBe(`a${spaces}b`);
    expect(text(`<pre>${breaks}a${breaks}b${breaks}</pre>`)).toBe('a\n\nb');
    expect(text(`a${'<div> \t</div>'.repeat(n / 10)}b`)).toBe('a\nb');
  });
});

describe('withoutSoundTags', () => {
  it('removes Anki sound tags, and leaves a tag never closed', () => {
    expect(withoutSoundTags('a[sound:x.mp3] b[sound:[y]c')).toBe('a bc');
    expect(withoutSoundTags('[sound:'.repeat(150_000))).toBe('[sound:'.repeat(150_000));
    expect(withoutSoundTags('[sound:'.repeat(150_000) + ']x')).toBe('x');
  });
});
