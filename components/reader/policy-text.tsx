import type { ReactNode } from 'react';
import { CopyLinks } from '@/components/reader/copy-link';
import { messages as m } from '@/lib/messages/ja';
import { formatWareki } from '@/lib/policy-text/wareki';
import type { TAnnex, TArticle, TChapter, TItem, TParagraph, TPolicyTree, TSupplementaryProvision } from '@/lib/policy-text/tree';

type THeadingLevel = 2 | 3 | 4;

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** Paragraph numbers are printed the way the text writes them: ２, ３ … in full-width digits. */
function fullWidth(n: number): string {
  return String(n).replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)] ?? d);
}

/*
 * Copies the address of one node of the text. A standard has hundreds of these, so each is plain
 * markup with one short class (globals.css: .copy-link) and the text's one CopyLinks handler does
 * the copying. The negative right margin in .copy-link gives the button no width in the line: an
 * invisible button must never push the last character of a paragraph onto a line of its own.
 */
function CopyLinkButton({ id, target }: { id: string; target: string }) {
  return (
    <button type="button" className="copy-link" data-copy-link={id}>
      <span className="sr-only">{m.reader.copyLinkFor(target)}</span>
      <span aria-hidden="true" className="copy-link-tip">
        {m.reader.copyLink}
      </span>
    </button>
  );
}

function Heading({ level, id, className, children }: { level: THeadingLevel; id?: string; className: string; children: ReactNode }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

/** Something shown after an article's text (the revision page puts each article's 沿革 there). */
type TArticleFooter = (article: TArticle) => ReactNode;

/** The structured regulation text: every article, paragraph, item and sub-item carries its anchor id. */
export function PolicyText({ tree, articleFooter }: { tree: TPolicyTree; articleFooter?: TArticleFooter }) {
  const hasChapters = tree.chapters.length > 0;
  return (
    <div className="max-w-[42em] pr-[1.5em] text-std-16N-170 leading-[1.85] text-solid-gray-900 md:pr-[1.75em] md:text-std-17N-170 md:leading-[1.85] print:max-w-none print:pr-0">
      {tree.header.length > 0 && (
        <div className="text-right text-solid-gray-700">
          {tree.header.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </div>
      )}
      {tree.enactment && <p className="mt-6 indent-[1em]">{tree.enactment}</p>}
      {tree.preamble.length > 0 && (
        <div className="mt-6 space-y-3">
          {tree.preamble.map((text, index) => (
            <p key={index} className="indent-[1em]">
              {text}
            </p>
          ))}
        </div>
      )}
      {tree.items.length > 0 && (
        <div className="mt-6">
          <ItemList items={tree.items} targetPrefix="" />
        </div>
      )}
      {tree.articles.map((article) => (
        <ArticleBlock key={article.id} article={article} level={2} footer={articleFooter} />
      ))}
      {hasChapters && tree.chapters.map((chapter) => <ChapterBlock key={chapter.id} chapter={chapter} articleFooter={articleFooter} />)}
      {tree.supplementaryProvisions.length > 0 && (
        <div className="mt-14 border-t border-solid-gray-200 pt-4">
          {tree.supplementaryProvisions.map((provision) => (
            <SupplementaryBlock key={provision.id} provision={provision} />
          ))}
        </div>
      )}
      {tree.annexes.map((annex) => (
        <AnnexBlock key={annex.id} annex={annex} />
      ))}
      <CopyLinks />
    </div>
  );
}

function ChapterBlock({ chapter, articleFooter }: { chapter: TChapter; articleFooter?: TArticleFooter }) {
  return (
    <section id={chapter.id} aria-labelledby={`${chapter.id}-heading`} className="policy-anchor mt-14 first:mt-0">
      <h2 id={`${chapter.id}-heading`} className="text-std-22B-150 text-solid-gray-900">
        {chapter.number}
        <span className="ml-[1em]">{chapter.title}</span>
      </h2>
      {chapter.articles.map((article) => (
        <ArticleBlock key={article.id} article={article} level={3} footer={articleFooter} />
      ))}
      {chapter.sections.map((section) => (
        <section key={section.id} id={section.id} aria-labelledby={`${section.id}-heading`} className="policy-anchor mt-10">
          <h3 id={`${section.id}-heading`} className="text-std-20B-150 text-solid-gray-900">
            {section.number}
            <span className="ml-[1em]">{section.title}</span>
          </h3>
          {section.articles.map((article) => (
            <ArticleBlock key={article.id} article={article} level={4} footer={articleFooter} />
          ))}
        </section>
      ))}
    </section>
  );
}

function ArticleBlock({ article, level, footer }: { article: TArticle; level: THeadingLevel; footer?: TArticleFooter }) {
  const headingId = `${article.id}-heading`;
  return (
    <section id={article.id} aria-labelledby={headingId} className="policy-anchor mt-10 first:mt-0">
      <div className="group flex items-baseline">
        <Heading level={level} id={headingId} className="text-std-18B-160 text-solid-gray-900">
          {article.number}
          {article.caption && `（${article.caption}）`}
        </Heading>
        <CopyLinkButton id={article.id} target={article.number} />
      </div>
      <div className="mt-2 space-y-3">
        {article.paragraphs.map((paragraph) => (
          <ParagraphBlock key={paragraph.id} paragraph={paragraph} article={article} />
        ))}
      </div>
      {footer?.(article)}
    </section>
  );
}

function ParagraphBlock({ paragraph, article }: { paragraph: TParagraph; article: TArticle }) {
  const target = `${article.number}${m.reader.paragraph(paragraph.num)}`;
  // Items of the first paragraph are cited without it: 第２(4), not 第２第1項(4).
  const itemPrefix = paragraph.num === 1 ? article.number : target;
  return (
    <div id={paragraph.id} className="policy-anchor grid grid-cols-[1.25em_minmax(0,1fr)] gap-x-[0.25em]">
      <span className="text-solid-gray-900">{paragraph.num > 1 ? fullWidth(paragraph.num) : ''}</span>
      <div>
        {paragraph.text && (
          <p className="policy-node group">
            {paragraph.text}
            <CopyLinkButton id={paragraph.id} target={target} />
          </p>
        )}
        {paragraph.items.length > 0 && <ItemList items={paragraph.items} targetPrefix={itemPrefix} />}
      </div>
    </div>
  );
}

function ItemList({ items, targetPrefix }: { items: TItem[]; targetPrefix: string }) {
  return (
    <ol role="list" className="mt-2 space-y-2">
      {items.map((item) => {
        const target = `${targetPrefix}${item.label}`;
        return (
          <li key={item.id} id={item.id} className="policy-anchor grid grid-cols-[minmax(2em,auto)_minmax(0,1fr)] gap-x-[0.25em] md:grid-cols-[minmax(2.5em,auto)_minmax(0,1fr)] md:gap-x-[0.5em]">
            <span className="tabular-nums">{item.label}</span>
            <div>
              <p className={`policy-node group ${item.body.length > 0 ? 'font-bold' : ''}`}>
                {item.text}
                <CopyLinkButton id={item.id} target={target} />
              </p>
              {item.body.map((text, index) => (
                <p key={index} className="policy-node mt-1 indent-[1em]">
                  {text}
                </p>
              ))}
              {item.subItems.length > 0 && (
                <ol role="list" className="mt-2 space-y-2">
                  {item.subItems.map((sub) => (
                    <li key={sub.id} id={sub.id} className="policy-anchor policy-node grid grid-cols-[minmax(1em,auto)_minmax(0,1fr)] gap-x-[0.25em] md:grid-cols-[minmax(1.25em,auto)_minmax(0,1fr)] md:gap-x-[0.5em]">
                      <span>{sub.label}</span>
                      <p className="group">
                        {sub.text}
                        <CopyLinkButton id={sub.id} target={`${target}${sub.label}`} />
                      </p>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function SupplementaryBlock({ provision }: { provision: TSupplementaryProvision }) {
  const headingId = `${provision.id}-heading`;
  return (
    <section id={provision.id} aria-labelledby={headingId} className="policy-anchor mt-8">
      <h2 id={headingId} className="text-std-18B-160 text-solid-gray-900">
        <span className="ml-[3em]">{provision.heading}</span>
        {provision.note ? (
          <span className="ml-[0.5em] font-normal">（{provision.note}）</span>
        ) : (
          provision.effectiveDate && (
            // Several 付則 in a row read the same; the date tells them apart in a heading list.
            <span className="sr-only">{` ${m.reader.effectiveFrom(formatWareki(provision.effectiveDate))}`}</span>
          )
        )}
      </h2>
      <div className="mt-2 space-y-2">
        {provision.paragraphs.map((text, index) => (
          <p key={index} className="policy-node pl-[1.5em]">
            {text}
          </p>
        ))}
      </div>
    </section>
  );
}

function AnnexBlock({ annex }: { annex: TAnnex }) {
  const headingId = `${annex.id}-heading`;
  const lines = annex.lines.filter((line) => line.trim() !== '');
  return (
    <section id={annex.id} aria-labelledby={headingId} className="policy-anchor mt-14 break-before-page">
      <h2 id={headingId} className="text-std-18B-160 text-solid-gray-900">
        {annex.title}
      </h2>
      {lines.length > 0 && (
        <div className="mt-3 rounded-8 border border-solid-gray-420 px-5 py-4 print:border-black">
          {lines.map((line, index) => (
            <p key={index} className="whitespace-pre-wrap">
              {line}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
