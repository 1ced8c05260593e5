-- Sign-in through the city's directory (OpenID Connect) links to an account by the token's issuer
-- and subject, set by an administrator; never by a username claim (issue 15 §5).
ALTER TABLE "users" ADD COLUMN "oidc_issuer" TEXT;
ALTER TABLE "users" ADD COLUMN "oidc_subject" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_oidc_link_complete"
    CHECK (("oidc_issuer" IS NULL) = ("oidc_subject" IS NULL));
CREATE UNIQUE INDEX "users_oidc_issuer_oidc_subject_key" ON "users"("oidc_issuer", "oidc_subject");
