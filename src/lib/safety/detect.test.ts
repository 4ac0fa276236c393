import { describe, expect, it } from 'vitest';
import { QUOTED_HASHTAGS, findSensitive } from './detect.ts';

// Well-known public example addresses (documentation and test vectors), not the source's.
const P2PKH = '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2';
const P2SH = '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy';
const BECH32 = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const ETH = '0x52908400098527886E0F7030069857D2E4169EE7';
const MONERO =
  '4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx3skxNgYeYTRj5UzqtReoS44qo9mtmXCqY45DJ852K5Jv2684Rge';

describe('findSensitive finds', () => {
  it.each([
    [`Send to ${P2PKH} today`, 'crypto-address', 'bitcoin address (base58)', P2PKH],
    [`– ${P2SH};`, 'crypto-address', 'bitcoin address (base58)', P2SH],
    [`wallet ${BECH32}.`, 'crypto-address', 'bitcoin address (bech32)', BECH32],
    [`WALLET ${BECH32.toUpperCase()}`, 'crypto-address', 'bitcoin address (bech32)', BECH32.toUpperCase()],
    [`(${ETH})`, 'crypto-address', 'Ethereum-style address (0x…)', ETH],
    [`xmr: ${MONERO}`, 'crypto-address', 'Monero address', MONERO],
    ['join https://t.me/somechannel now', 'channel-link', 'Telegram link', 'https://t.me/somechannel'],
    ['join t.me/+AbCdEf', 'channel-link', 'Telegram link', 't.me/+AbCdEf'],
    ['see telegram.me/joinchat/x', 'channel-link', 'Telegram link', 'telegram.me/joinchat/x'],
    ['open tg://resolve?domain=x', 'channel-link', 'Telegram link', 'tg://resolve?domain=x'],
    ['chat: https://wa.me/123', 'channel-link', 'WhatsApp link', 'https://wa.me/123'],
    ['https://chat.whatsapp.com/AbC', 'channel-link', 'WhatsApp link', 'https://chat.whatsapp.com/AbC'],
    ['discord.gg/abc', 'channel-link', 'Discord invite', 'discord.gg/abc'],
    ['https://discord.com/invite/abc', 'channel-link', 'Discord invite', 'https://discord.com/invite/abc'],
    ['Follow @AnneSpeckhard', 'handle', 'account handle', '@AnneSpeckhard'],
    ['the account, @Some_Account, posts', 'handle', 'account handle', '@Some_Account'],
    ['hashtags such as #khilafah, and more', 'hashtag', 'hashtag', '#khilafah'],
    ['tagged #الخلافة', 'hashtag', 'hashtag', '#الخلافة'],
    ['written “# taghut” by the scraper', 'hashtag', 'hashtag quoted by a source', '# taghut'],
  ])('%s', (text, kind, label, match) => {
    expect(findSensitive(text)).toEqual([{ kind, label, text: match, index: text.indexOf(match) }]);
  });
});

describe('findSensitive leaves alone', () => {
  it.each([
    ['an e-mail address', 'write to editor@example.org'],
    ['a C# program', 'written in C# and F#'],
    ['an HTML entity', 'Jerry&#39;s'],
    ['a fragment in a URL', '/sources/x/#p12:~:text=a'],
    ['a number', 'item #12 on the list'],
    ['a long word', 'internationalisation and counterterrorism'],
    ['a lower-case hash', 'sha1 0a4d55a8d778e5022fab701977c5d840bbc486d0'],
    ['an asset name', '/_astro/Quiz.B1x9ZkQ2.js'],
    ['a base58-like run with no digit', 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefgh'],
    ['a base58-like run in one case', '1234567890ABCDEFGHJKLMNPQRSTUVW'],
    ['a website that is not a messaging channel', 'TheRealJihad.org and www.icsve.org'],
    ['a quoted hashtag word without "#"', 'terms like khilafah, tawheed and dawlah'],
  ])('%s', (_what, text) => {
    expect(findSensitive(text)).toEqual([]);
  });
});

describe('QUOTED_HASHTAGS', () => {
  it('lists lower-case words only', () => {
    for (const tag of QUOTED_HASHTAGS) expect(tag).toMatch(/^[a-z]+$/);
  });
});
