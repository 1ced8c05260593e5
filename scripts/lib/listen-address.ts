/*
 * Where `npm start` listens. The demo signs people in with a password printed in the README, so
 * it answers this computer only (127.0.0.1) unless PORTAL_LISTEN names an address; a portal on a
 * configured database keeps Next.js's default (every interface) unless PORTAL_LISTEN narrows it.
 */
import { isIP } from 'node:net';

export interface TListenAddress {
  /** the `-H` of `next start`/`next dev`; null: Next.js's default, every interface */
  host: string | null;
  /** the address to print, e.g. http://localhost:3000 */
  url: string;
  /** one line for the start log, saying where the portal can be reached from */
  message: string;
}

const HOSTNAME = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const ALL_INTERFACES = new Set(['0.0.0.0', '::']);
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * @param demo the embedded database, or demo accounts asked for (PORTAL_DEMO_ACCOUNTS=1): both
 *             have accounts whose password is published
 */
export function listenAddress(input: { env: NodeJS.ProcessEnv; demo: boolean; port: string }): TListenAddress {
  const configured = input.env.PORTAL_LISTEN?.trim() || null;
  if (configured && !isIP(configured) && !HOSTNAME.test(configured)) {
    throw new Error(`PORTAL_LISTEN「${configured}」は待ち受けるアドレスとして使えません。0.0.0.0（すべて）、127.0.0.1 などの IP アドレスかホスト名を指定してください。`);
  }
  const host = configured ?? (input.demo ? '127.0.0.1' : null);
  const shown = host === null || ALL_INTERFACES.has(host) || LOOPBACK.has(host) ? 'localhost' : isIP(host) === 6 ? `[${host}]` : host;
  const url = `http://${shown}:${input.port}`;
  if (!configured && input.demo) {
    return {
      host,
      url,
      message:
        'デモ用の構成（デモアカウントのパスワードは公開されています）のため、このコンピューターからの接続（127.0.0.1）だけを受け付けます。' +
        'ほかの端末から使うには PORTAL_LISTEN=0.0.0.0（または待ち受けるアドレス）を指定してください。',
    };
  }
  if (!configured) return { host, url, message: 'すべてのネットワークインターフェースで待ち受けます（PORTAL_LISTEN で限定できます）。' };
  const where = ALL_INTERFACES.has(configured) ? `すべてのネットワークインターフェース（${configured}）` : configured;
  const warning = input.demo && !LOOPBACK.has(configured) ? '注意: デモアカウントのパスワードは公開されています。このアドレスに届く人は誰でもデモアカウントでログインできます。' : '';
  return { host, url, message: `${where} で待ち受けます（PORTAL_LISTEN）。${warning}` };
}
