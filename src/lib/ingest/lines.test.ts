import { describe, expect, it } from 'vitest';
import {
  bioSubject,
  hasCaptionMarker,
  isDateLine,
  isHeadingLike,
  isNote,
  parseAuthorsLine,
  parseBareByline,
  parseByLine,
  parseCopyright,
  parsePostedBy,
  wireFromDateline,
} from './lines.ts';

describe('author lines', () => {
  it.each([
    [parseAuthorsLine, 'Authors: Anne Speckhard and Molly Ellenberg', ['Anne Speckhard', 'Molly Ellenberg']],
    [parseAuthorsLine, 'Authors: A. B. Smith, Jane Doe & John Roe', ['A. B. Smith', 'Jane Doe', 'John Roe']],
    [parseBareByline, 'Anne Speckhard, Ph.D', ['Anne Speckhard']],
    [parseBareByline, 'Uran Botobekov', ['Uran Botobekov']],
    [parseBareByline, 'Giancarlo Elia Valori', ['Giancarlo Elia Valori']],
    [parseBareByline, 'Dr Mark Galeotti', ['Mark Galeotti']],
    [parseBareByline, 'Cyber Caliphate: What Apps Are the Islamic State Using?', null],
    [parseBareByline, 'Intelligence', null],
    [parseByLine, 'By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    [parseByLine, 'By Dr. Sarah Connor, PhD', ['Sarah Connor']],
    [parseByLine, 'By searching on Islamic terms and names often associated with ISIS', null],
    [parsePostedBy, 'Posted by Someone at 10:42 AM', ['Someone']],
    [parsePostedBy, 'Posted by Karen Miles at 9:01 PM', ['Karen Miles']],
  ])('%o reads %j as %j', (parse, line, expected) => {
    expect(parse(line)).toEqual(expected);
  });
});

describe('single-line recognisers', () => {
  it.each([
    ['Copyright © 2018 Modern Diplomacy', 'Modern Diplomacy'],
    ['© 2021 Daily Example News. All rights reserved.', 'Daily Example News'],
    ['Copyright 2019-2021 Example Monitor', 'Example Monitor'],
    ['The copyright of this text is disputed and has been for many years now by all parties.', null],
  ])('copyright %j → %j', (line, name) => {
    expect(parseCopyright(line)).toBe(name);
  });

  it.each([
    ['Central Asian Jihadists in Syria. A screenshot from Telegram, April 6, 2019', true],
    ['ISIS used this website to raise funds … against COVID-19. [File]', true],
    ['Photo: Jane Smith/AFP', true],
    ['Police in Lyon. Photo: AFP', true],
    ['Image credit: Reuters', true],
    ['The photo above was posted by an account which frequently posted other content.', false],
    ['Uzbek children in the Abdullah ibn Abbas Madrasa in Idlib', false],
  ])('caption marker in %j: %s', (line, expected) => {
    expect(hasCaptionMarker(line)).toBe(expected);
  });

  it.each([
    ['First published in our partner RIAC', true],
    ['From our partner RIAC', true],
    ['Author’s note: first published in Homeland Security Today', true],
    ['Reporting by Jean Dupont; Editing by Mark Heinrich', true],
    ['This article was originally published by Example Review.', true],
    ['First, the published numbers were wrong.', false],
  ])('note %j: %s', (line, expected) => {
    expect(isNote(line)).toBe(expected);
  });

  it.each([
    [
      'Anne Speckhard, Ph.D., is an adjunct associate professor of psychiatry at Georgetown.',
      'Anne Speckhard',
    ],
    ['Sarah Connor is a senior fellow at the Example Institute, where she studies media.', 'Sarah Connor'],
    ['The USA is the main enemy for al Qaeda-backed Central Asia’s jihadists', null],
    ['The Internet is also a popular tool for collecting money and recruiting volunteers.', null],
  ])('bio subject of %j → %j', (line, name) => {
    expect(bioSubject(line)).toBe(name);
  });

  it.each([
    ['Common aspects of the ideological school of al Qaeda and ISIS', true],
    ['A Possible Instagram Counter Narrative Strategy?', true],
    ['Another issue to be analyzed in depth at the next conference on Libya.', false],
    ['The Central Asian Islamist extremist groups have asked their supporters to make donations:', false],
    [
      '“The Russian mafia have developed a network of computer sites that are very well secured so that',
      false,
    ],
    ['– 3HoWzYwaBbTg7sKGtHz3pAZxdHZoXUJRvG;', false],
  ])('heading-like %j: %s', (line, expected) => {
    expect(isHeadingLike(line)).toBe(expected);
  });

  it.each([
    ['March 3, 2021', true],
    ['Tuesday, March 2, 2021', true],
    ['3 March 2021 10:42', true],
    ['Updated 10:42 AM', true],
    ['Published', true],
    ['March of the jihadists', false],
    ['Posted by Someone at 10:42 AM', false],
  ])('date line %j: %s', (line, expected) => {
    expect(isDateLine(line)).toBe(expected);
  });

  it.each([
    ['PARIS (Reuters) - French police arrested five people', 'Reuters'],
    ['WASHINGTON, March 3 (AP) — The Justice Department said', 'AP'],
    ['WASHINGTON -- The operations of al-Qaeda', null],
    ['Yesterday in Lille, the forum (FIC2013) ended', null],
  ])('wire of %j → %j', (paragraph, wire) => {
    expect(wireFromDateline(paragraph)).toBe(wire);
  });
});
