import { describe, expect, it } from 'vitest';
import {
  formatFinding,
  pageOfFile,
  scanHtmlPage,
  scanSearchFragment,
  scanSearchIndex,
  scanTextFile,
} from './scan.ts';

const ADDRESS = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';

const where = (findings: ReturnType<typeof scanHtmlPage>) =>
  findings.map((f) => [f.page, f.where, f.kind, f.text]);

describe('pageOfFile', () => {
  it.each([
    ['index.html', '/'],
    ['sources/x/index.html', '/sources/x/'],
    ['review/questions.json', '/review/questions.json'],
  ])('%s → %s', (file, page) => expect(pageOfFile(file)).toBe(page));
});

describe('scanHtmlPage', () => {
  it('names the page and the paragraph of visible text', () => {
    const html = `<!doctype html><html><head><style>@media (max-width: 30rem) { a { color: #333 } }</style></head>
      <body><main id="main"><div class="para" id="p26"><p>Donate at:</p></div>
      <div class="para" id="p27"><a class="para-link" href="#p27">27</a><p>– ${ADDRESS};</p></div>
      <section aria-labelledby="bios"><h2 id="bios">About the authors</h2></section>
      <p>Follow &#64;someone, tagged #dawlah. C# and Jerry&#39;s are fine.</p></main></body></html>`;
    expect(where(scanHtmlPage('sources/x/index.html', html))).toEqual([
      ['/sources/x/', 'paragraph p27', 'crypto-address', ADDRESS],
      ['/sources/x/', '#main', 'handle', '@someone'],
      ['/sources/x/', '#main', 'hashtag', '#dawlah'],
    ]);
  });

  it('reads attributes and inline scripts for addresses and channel links', () => {
    const html = `<body><div id="objectives"><a href="https://t.me/channel">x</a>
      <astro-island props="{&quot;q&quot;:[0,&quot;send to ${ADDRESS}&quot;]}"></astro-island>
      <script>const w = "${ADDRESS}";</script><img src="a.png" alt="">
      <p>after a void element</p></div></body>`;
    expect(where(scanHtmlPage('lessons/y/index.html', html))).toEqual([
      ['/lessons/y/', '#objectives, href attribute', 'channel-link', 'https://t.me/channel'],
      ['/lessons/y/', '#objectives, props attribute', 'crypto-address', ADDRESS],
      ['/lessons/y/', '<script>', 'crypto-address', ADDRESS],
    ]);
  });

  it('finds nothing in an ordinary page', () => {
    const html = `<html><head><style>@import url(x.css); .a{color:#fff}</style>
      <script type="module" src="/_astro/site.B1x9ZkQ2.js"></script></head>
      <body><a href="#p12">¶12</a><a href="/sources/x/#p7:~:text=a">See in source</a>
      <p>Write to editor@example.org about item #12.</p></body></html>`;
    expect(scanHtmlPage('index.html', html)).toEqual([]);
  });

  it('reads past the Content-Security-Policy hashes, whose base64 can look like an address', () => {
    const csp = `style-src 'self' 'sha256-U/V4sdBEKLq+meDzWDCGYe6cgeRQZsHMK7NcrsUJR+E='`;
    expect(
      scanHtmlPage('index.html', `<meta http-equiv="Content-Security-Policy" content="${csp}">`),
    ).toEqual([]);
    expect(where(scanHtmlPage('index.html', `<meta name="x" content="${csp} ${ADDRESS}">`))).toHaveLength(1);
  });
});

describe('scanSearchFragment', () => {
  it('locates a match by the fragment’s paragraph anchors', () => {
    const content = `Title words here. 26 Donate at these two addresses: 27 – ${ADDRESS}; 28 end.`;
    const findings = scanSearchFragment('pagefind/fragment/en_1.pf_fragment', {
      url: '/sources/x/',
      content,
      anchors: [
        { id: 'p26', location: 3 },
        { id: 'p27', location: 9 },
        { id: 'p28', location: 12 },
      ],
    });
    expect(findings.map(formatFinding)).toEqual([
      '/sources/x/ (pagefind/fragment/en_1.pf_fragment), paragraph p27: bitcoin address (base58) “1BvBMS…NVN2”',
    ]);
  });
});

describe('scanSearchIndex', () => {
  it('finds lower-cased addresses among indexed words, not ordinary long words', () => {
    const text = `\u0083x"${ADDRESS.toLowerCase()}\u0081\u0083comtopics3438instagramineurop\u0083internationalisation`;
    expect(scanSearchIndex('pagefind/index/en_1.pf_index', text).map((f) => f.text)).toEqual([
      ADDRESS.toLowerCase(),
    ]);
  });
});

describe('scanTextFile', () => {
  it('reads scripts for addresses and JSON values for handles and hashtags', () => {
    expect(scanTextFile('_astro/a.js', `const a="${ADDRESS}"; x.y=z@media;`).map((f) => f.kind)).toEqual([
      'crypto-address',
    ]);
    const json = JSON.stringify({ questions: [{ feedback: 'See @someone and #tawheed', source: '/s/#p7' }] });
    expect(scanTextFile('review/questions.json', json).map((f) => [f.where, f.text])).toEqual([
      ['a JSON value', '@someone'],
      ['a JSON value', '#tawheed'],
    ]);
  });

  it('reads code carried in JSON (the SCORM kit) like a script: private fields are not hashtags, addresses still count', () => {
    const kit = (code: string) => JSON.stringify({ v: 1, files: [{ path: 'player.js', content: code }] });
    expect(scanTextFile('instructor/scorm-kit.json', kit('class A{#e=1;get(){return this.#e}}'))).toEqual([]);
    expect(scanTextFile('instructor/scorm-kit.json', kit(`const a="${ADDRESS}"`)).map((f) => f.kind)).toEqual(
      ['crypto-address'],
    );
  });
});
