-- Public excerpts (外部に周知すべき事項) belong to a revision (issue 15, section 2). The list kept per
-- document and keyed by article number leaked another article once a later revision renumbered
-- them: 第23条 of 第2版 is not 第23条 of 第1版.
--   revisions.public_excerpt_anchors  the articles of that revision's text that are public
--   revisions.public_excerpts_basis   drafts only: the draft text the editor confirmed the list
--                                     against; null while the draft inherits its base revision's
ALTER TABLE "revisions" ADD COLUMN "public_excerpt_anchors" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "public_excerpts_basis" TEXT;

-- The stored lists move onto the revisions whose articles they named. A list was set against the
-- revision in force at the time (the one in force today, or if none is, the latest approved). Any
-- other approved revision gets an anchor only where it holds an article with that anchor and exactly
-- the same text (the same JSON: number, caption, paragraphs, items): never a different article that
-- happens to bear the number. An article that was renumbered or amended in between loses the mark
-- on the other revisions: an editor may mark it again in a new revision. Drafts and revisions in
-- review keep an empty list and no basis: they inherit their base revision's when approved.
-- Approved revisions never change (revisions_immutable_when_approved); the guard steps aside for
-- this one statement, inside this migration's transaction, and is back before anything else runs.
ALTER TABLE "revisions" DISABLE TRIGGER "revisions_immutable_when_approved";

WITH reference AS (
  SELECT DISTINCT ON (d.id) d.id AS document_id, r.id AS revision_id, d.public_excerpt_anchors AS anchors
  FROM "documents" d
  JOIN "revisions" r ON r.document_id = d.id AND r.status = 'APPROVED' AND r.effective_date IS NOT NULL AND NOT r.is_abolition
  WHERE cardinality(d.public_excerpt_anchors) > 0
  ORDER BY d.id, (r.effective_date <= (now() AT TIME ZONE 'Asia/Tokyo')::date) DESC, r.effective_date DESC
),
revision_articles AS (
  SELECT r.id AS revision_id, r.document_id, a.article ->> 'id' AS anchor, a.article
  FROM "revisions" r
  CROSS JOIN LATERAL (
    SELECT x AS article FROM jsonb_array_elements(coalesce(r.content -> 'articles', '[]'::jsonb)) x
    UNION ALL
    SELECT x FROM jsonb_array_elements(coalesce(r.content -> 'chapters', '[]'::jsonb)) c, jsonb_array_elements(coalesce(c -> 'articles', '[]'::jsonb)) x
    UNION ALL
    SELECT x FROM jsonb_array_elements(coalesce(r.content -> 'chapters', '[]'::jsonb)) c, jsonb_array_elements(coalesce(c -> 'sections', '[]'::jsonb)) s,
                  jsonb_array_elements(coalesce(s -> 'articles', '[]'::jsonb)) x
  ) a
  WHERE r.status = 'APPROVED' AND r.document_id IN (SELECT document_id FROM reference)
),
public_articles AS (
  SELECT ra.document_id, ra.anchor, ra.article
  FROM revision_articles ra JOIN reference ref ON ref.revision_id = ra.revision_id
  WHERE ra.anchor = ANY(ref.anchors)
),
marked AS (
  SELECT ra.revision_id, array_agg(ra.anchor ORDER BY ra.anchor) AS anchors
  FROM revision_articles ra
  JOIN public_articles p ON p.document_id = ra.document_id AND p.anchor = ra.anchor AND p.article = ra.article
  GROUP BY ra.revision_id
)
UPDATE "revisions" r SET "public_excerpt_anchors" = m.anchors FROM marked m WHERE r.id = m.revision_id;

ALTER TABLE "revisions" ENABLE TRIGGER "revisions_immutable_when_approved";

ALTER TABLE "documents" DROP COLUMN "public_excerpt_anchors";
