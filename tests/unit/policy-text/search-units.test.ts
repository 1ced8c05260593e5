import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '@/lib/policy-text';
import { citeAnchor } from '@/lib/policy-text/deep/citation';
import { readDeepTree } from '@/lib/policy-text/deep/read';
import { type TDeepTree, type TNode, walkNodes } from '@/lib/policy-text/deep/tree';
import { findMatches, normalizedText } from '@/lib/policy-text/search-text';
import { extractSearchUnits, segmentAt, type TSearchUnit } from '@/lib/policy-text/search-units';
import { DEEP_FIXTURES, deepFixture, parseOrThrow } from './deep/helpers';

const GROUPS = new Set<TNode['kind']>(['part', 'chapter', 'section', 'subsection', 'division']);
const fixtures = readdirSync(DEEP_FIXTURES).filter((f) => f.endsWith('.txt'));

/** Where a word lands: the unit that holds it and the deepest provision there (anchor and citation). */
function locate(units: readonly TSearchUnit[], word: string): { unit: string; anchor: string; cite: string } {
  const term = normalizedText(word);
  const unit = units.find((u) => normalizedText(u.text).includes(term));
  if (!unit) throw new Error(`no unit holds ${word}`);
  const segment = segmentAt(unit, findMatches(unit.text, [term])[0]!.start);
  return { unit: unit.anchor, anchor: segment.anchor, cite: segment.cite };
}

/** Every piece of text a tree holds: sentences, table cells, 備考 (of nodes, 附則 and appendices). */
function allTexts(tree: TDeepTree): string[] {
  const out: string[] = [...tree.preamble];
  const holder = (h: { sentences: string[]; tables: TNode['tables']; remarks: TNode['remarks'] }) => {
    out.push(...h.sentences, ...h.remarks.flatMap((r) => r.sentences));
    for (const t of h.tables) out.push(...t.rows.flatMap((r) => r.cells.map((c) => c.text)), ...(t.remarks ?? []).flatMap((r) => r.sentences));
  };
  walkNodes(tree, holder);
  for (const unit of tree.tail) if (unit.kind === 'appendix') holder(unit);
  return out.map((t) => t.trim()).filter(Boolean);
}

describe.each(fixtures)('search units of %s', (name) => {
  const tree = parseOrThrow(deepFixture(name));
  const units = extractSearchUnits(tree);

  it('leave no text of the tree unsearchable', () => {
    const searchable = normalizedText(units.map((u) => u.text).join('\n'));
    for (const text of allTexts(tree)) expect(searchable, text).toContain(normalizedText(text));
  });

  it('link every provision that has text to its own anchor, cited as citeAnchor cites it', () => {
    // a provision's first segment is its own text; its tables and 備考 follow as 「…の表」「…備考」
    const segments = new Map<string, TSearchUnit['segments'][number]>();
    for (const segment of units.flatMap((u) => u.segments)) if (!segments.has(segment.anchor)) segments.set(segment.anchor, segment);
    let checked = 0;
    walkNodes(tree, (node) => {
      if (GROUPS.has(node.kind) || node.sentences.length === 0) return;
      const own = segments.get(node.id);
      // a 附則 of one unnumbered paragraph links to the 附則 itself (the anchor readers always had)
      const supplementary = tree.tail.find((u) => u.kind === 'supplementary' && u.children.length === 1 && u.children[0] === node);
      if (supplementary) {
        expect(own).toBeUndefined();
        expect(segments.get(supplementary.id)?.cite).toBe(citeAnchor(tree, node.id));
      } else {
        expect(own, node.id).toBeDefined();
        expect(own!.cite, node.id).toBe(citeAnchor(tree, node.id));
      }
      checked += 1;
    });
    expect(checked).toBeGreaterThan(0);
  });

  it('number units in reading order, each with its own anchor and segments in text order', () => {
    expect(units.map((u) => u.ord)).toEqual(units.map((_, i) => i));
    expect(new Set(units.map((u) => u.anchor)).size).toBe(units.length);
    for (const unit of units) {
      const starts = unit.segments.map((s) => s.start);
      expect(starts[0]).toBe(0);
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      expect(Math.max(...starts)).toBeLessThan(unit.text.length);
    }
  });
});

describe('where a word is found: the deepest provision, as people cite it', () => {
  const units = (name: string) => extractSearchUnits(parseOrThrow(deepFixture(name)));
  it.each([
    // ten levels of 号の細分
    ['01-ten-levels.txt', '承認の記録を5年間保存', 'a3', 'a3-i1-s1-s1-s1-s1-s1-s1-s1-s1-s1-s1', '第3条第1項第1号ア(ア)a(a)ⅰ(ⅰ)A(A)Ⅰ①'],
    ['01-ten-levels.txt', '業務単位で定める', 'a3', 'a3-i1-s1-s1-s1-s1-s1-s1-s1-s2', '第3条第1項第1号ア(ア)a(a)ⅰ(ⅰ)A(B)'],
    ['01-ten-levels.txt', '前項の確認の結果', 'a3', 'a3-p2', '第3条第2項'],
    // tables inside an article, and 別表
    ['07-tables.txt', 'インターネット接続系', 'a3', 'a3-i1-s1', '第3条第1号アの表'],
    ['07-tables.txt', '朱書き', 'a2', 'a2-p1', '第2条第1項の表'],
    ['07-tables.txt', '前年度の異動', 'annex2', 'annex2', '別表第2'],
    ['07-tables.txt', '情報資産を管理する課等', 'annex1', 'annex1', '別表第1'],
    // 別記, 様式, 付録
    ['08-appendices-forms.txt', '従業者に対する研修', 'annex1', 'annex1-i3-s2', '別記第3号(2)'],
    ['08-appendices-forms.txt', '誓約します', 'annex2', 'annex2', '様式第1号'],
    ['08-appendices-forms.txt', '更に業務を受託', 'annex4', 'annex4', '付録'],
    // 備考 of a 項, of a 号, of a 別表
    ['09-remarks-proviso.txt', '間仕切り', 'a2', 'a2-p2', '第2条第2項備考'],
    ['09-remarks-proviso.txt', '暗号化の方式', 'a3', 'a3-i2', '第3条第2号備考'],
    ['09-remarks-proviso.txt', '廃棄の証明書', 'annex1', 'annex1', '別表備考'],
    ['09-remarks-proviso.txt', '特に必要と認めた', 'a2', 'a2-p1', '第2条第1項'],
    // articles numbered from 1 again in each 章
    ['16-restart-per-chapter.txt', '研修の企画', 'ch2-a2', 'ch2-a2-i2-s2', '第2章第2第2号②'],
    ['16-restart-per-chapter.txt', '副市長', 'ch2-a1', 'ch2-a1-p1', '第2章第1'],
    // a declaration-style text: top-level items
    ['13-declaration-deep.txt', '会議に出席', 'i1', 'i1-s2-s2', '第1号(2)イ'],
  ])('%s 「%s」 → %s #%s 「%s」', (name, word, unit, anchor, cite) => {
    expect(locate(units(name), word)).toEqual({ unit, anchor, cite });
  });

  it('keeps 附則 and appendices in the order of the text: a 附則 after a 別表 or a 参考', () => {
    expect(units('07-tables.txt').map((u) => u.anchor)).toEqual(['a1', 'a2', 'a3', 'a4', 'annex1', 'annex2', 'sp1', 'sp2']);
    const forms = units('08-appendices-forms.txt');
    expect(forms.map((u) => u.anchor).slice(-5)).toEqual(['annex4', 'sp1', 'sp2', 'annex5', 'sp3']);
    expect(forms.find((u) => u.anchor === 'sp2')!.label).toBe('附則（令和5年3月30日訓令第8号）');
    expect(forms.find((u) => u.anchor === 'annex1')!.label).toBe('別記（第2条関係）　委託先の選定基準');
    expect(locate(forms, '令和6年4月1日')).toEqual({ unit: 'sp3', anchor: 'sp3', cite: '附則' });
  });

  it('names articles numbered again in each 章 by their 章, and only articles are public-excerpt units', () => {
    const restart = units('16-restart-per-chapter.txt');
    const articles = restart.filter((u) => u.articleAnchor);
    expect(articles.map((u) => [u.articleAnchor, u.label])).toEqual([
      ['ch1-a1', '第1章第1（目的）'],
      ['ch1-a2', '第1章第2（対象範囲）'],
      ['ch2-a1', '第2章第1（最高情報セキュリティ責任者）'],
      ['ch2-a2', '第2章第2（統括情報セキュリティ責任者）'],
      ['ch3-a1', '第3章第1（監査）'],
    ]);
    const declaration = units('13-declaration-deep.txt');
    expect(declaration.map((u) => [u.anchor, u.articleAnchor])).toEqual([
      ['document-title', null],
      ['i1', null],
      ['i2', null],
      ['i3', null],
    ]);
    expect(declaration[1]!.label).toBe('1.　情報資産を大切に扱います。');
  });
});

describe('the basic policy', () => {
  const text = readFileSync('prisma/seed-data/fuchu-information-security-basic-policy.txt', 'utf8');
  const legacy = parsePolicyText(text);
  if (!legacy.ok) throw new Error('the basic policy must parse');
  const units = extractSearchUnits(parseOrThrow(text));

  it('is indexed alike from a revision stored before the deep tree and from the text parsed today', () => {
    expect(extractSearchUnits(readDeepTree(legacy.tree))).toEqual(units);
  });

  it('has one unit per article, plus its 付則 and annex, labelled as before', () => {
    const articles = units.filter((u) => u.articleAnchor);
    expect(articles.map((u) => u.anchor)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'a10']);
    expect(articles.map((u) => u.label).slice(0, 2)).toEqual(['第１（目的）', '第２（定義）']);
    expect(units.filter((u) => !u.articleAnchor).map((u) => u.anchor)).toEqual(['sp1', 'sp2', 'sp3', 'annex1']);
  });

  it('finds words where it found them before, cited in full', () => {
    const usb = locate(units, 'ＵＳＢメモリ');
    expect(usb.unit).toBe('a2');
    expect(usb.anchor).toMatch(/^a2-i\d+$/);
    expect(usb.cite).toMatch(/^第２第[１-９][０-９]?号$/);
    expect(locate(units, '不正通信の監視')).toEqual({ unit: 'a7', anchor: 'a7-i3-s3', cite: '第７第３号ウ' });
    expect(locate(units, 'システム関連文書')).toEqual({ unit: 'a3', anchor: 'a3-p2-i3', cite: '第３第２項第３号' });
    expect(locate(units, '令和元年５月２２日')).toEqual({ unit: 'sp2', anchor: 'sp2', cite: '付則' });
  });
});
