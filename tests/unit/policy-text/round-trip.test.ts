import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializePolicyText, toPlainText } from '@/lib/policy-text/serialize';
import { ZPolicyTree } from '@/lib/policy-text/tree';
import { parseOrThrow } from '../../support/policy-tree';

const fixtureDir = path.resolve(import.meta.dirname, '../../fixtures/policy-texts');
const fuchu = path.resolve(import.meta.dirname, '../../../prisma/seed-data/fuchu-information-security-basic-policy.txt');
const structuredFixtures = readdirSync(fixtureDir)
  .filter((name) => name.endsWith('.txt') && name !== 'essay.txt')
  .map((name) => path.join(fixtureDir, name));

describe('serialize and parse round trip', () => {
  it('covers every fixture', () => {
    expect(structuredFixtures.length).toBeGreaterThanOrEqual(7);
  });

  it.each([fuchu, ...structuredFixtures].map((file) => [path.basename(file), file]))('%s', (_, file) => {
    const tree = parseOrThrow(readFileSync(file, 'utf8'));
    expect(() => ZPolicyTree.parse(tree)).not.toThrow();
    const canonical = serializePolicyText(tree);
    const reparsed = parseOrThrow(canonical);
    expect(reparsed).toStrictEqual(tree);
    expect(serializePolicyText(reparsed)).toBe(canonical);
  });
});

describe('serializePolicyText', () => {
  const tree = parseOrThrow(readFileSync(fuchu, 'utf8'));
  const text = serializePolicyText(tree);

  it('writes the canonical regulation form', () => {
    expect(text.startsWith('府中市情報セキュリティ基本方針\n（目的）\n第１　この基本方針は、府中市（以下「市」という。）')).toBe(true);
    expect(text).toContain('\n(1)　ネットワーク\n　コンピュータ等を相互に接続するための通信網、その構成機器（ハードウェア及びソフトウェア）をいう。\n(2)　電磁的記録媒体\n');
    expect(text).toContain('\n２　この基本方針が対象とする情報資産は、次のとおりとする。\n(1)　ネットワーク及び情報システム');
    expect(text).toContain('\nア　マイナンバー利用事務系においては、');
    expect(text).toContain('\n付則\n　この基本方針は、平成１５年１０月１日から施行する。\n付則\n');
    expect(text).toContain('\n【参考】 第２(4) 情報セキュリティポリシーの概念図\n府中市情報セキュリティ基本方針\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('writes header, 制定文, 目次 and notes of 附則', () => {
    const withHeader = parseOrThrow(readFileSync(path.join(fixtureDir, 'jo-caption-before.txt'), 'utf8'));
    expect(serializePolicyText(withHeader)).toContain('○○市情報セキュリティ委員会規程\n令和2年3月31日\n訓令第8号\n　○○市情報セキュリティ委員会規程を次のように定める。\n（趣旨）\n第1条　');
    expect(serializePolicyText(withHeader)).toContain('\n附則（令和2年3月31日訓令第8号）\n1　この規程は、');
    const withToc = parseOrThrow(readFileSync(path.join(fixtureDir, 'chapters-toc.txt'), 'utf8'));
    expect(serializePolicyText(withToc)).toContain('\n目次\n第1章　総則（第1条―第3条）\n');
  });

  it('keeps an article text that looks like a caption on a line of its own', () => {
    const tree = parseOrThrow('規程\n第1条\n情報 資産は、管理する。');
    expect(tree.articles[0]?.caption).toBeUndefined();
    const canonical = serializePolicyText(tree);
    expect(canonical).toBe('規程\n第1条\n　情報 資産は、管理する。\n');
    expect(parseOrThrow(canonical)).toStrictEqual(tree);
  });

  it('is also the plain-text rendition', () => {
    expect(toPlainText(tree)).toBe(text);
  });
});
