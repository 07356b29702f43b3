import { describe, expect, it } from 'vitest';
import { plainText } from '../plain-text';
import { htmlToCardText, placeMedia } from './anki-field-html';

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
});
