import { describe, expect, it } from 'vitest';
import { listenAddress } from '../../../scripts/lib/listen-address';

/** only the variables it reads */
const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

describe('the address npm start listens on', () => {
  it('the demo answers this computer only, and says how to open it up', () => {
    const listen = listenAddress({ env: env({}), demo: true, port: '3000' });
    expect(listen.host).toBe('127.0.0.1');
    expect(listen.url).toBe('http://localhost:3000');
    expect(listen.message).toContain('127.0.0.1');
    expect(listen.message).toContain('PORTAL_LISTEN=0.0.0.0');
  });

  it('a configured database keeps the default of next start (every interface)', () => {
    const listen = listenAddress({ env: env({}), demo: false, port: '3000' });
    expect(listen.host).toBeNull();
    expect(listen.message).toContain('すべてのネットワークインターフェース');
  });

  it('PORTAL_LISTEN decides when set, and the demo warns that its password is published', () => {
    expect(listenAddress({ env: env({ PORTAL_LISTEN: '0.0.0.0' }), demo: true, port: '3000' })).toMatchObject({ host: '0.0.0.0', url: 'http://localhost:3000' });
    expect(listenAddress({ env: env({ PORTAL_LISTEN: '0.0.0.0' }), demo: true, port: '3000' }).message).toContain('公開されています');
    expect(listenAddress({ env: env({ PORTAL_LISTEN: '127.0.0.1' }), demo: true, port: '3000' }).message).not.toContain('注意');
    expect(listenAddress({ env: env({ PORTAL_LISTEN: '192.168.10.5' }), demo: false, port: '8080' })).toMatchObject({ host: '192.168.10.5', url: 'http://192.168.10.5:8080' });
    expect(listenAddress({ env: env({ PORTAL_LISTEN: 'fd00::5' }), demo: false, port: '3000' }).url).toBe('http://[fd00::5]:3000');
    expect(listenAddress({ env: env({ PORTAL_LISTEN: 'portal.example.lg.jp' }), demo: false, port: '3000' }).host).toBe('portal.example.lg.jp');
  });

  it('an empty PORTAL_LISTEN is no setting; anything that is not an address is refused', () => {
    expect(listenAddress({ env: env({ PORTAL_LISTEN: ' ' }), demo: true, port: '3000' }).host).toBe('127.0.0.1');
    expect(() => listenAddress({ env: env({ PORTAL_LISTEN: '0.0.0.0 --inspect' }), demo: true, port: '3000' })).toThrow('PORTAL_LISTEN');
    expect(() => listenAddress({ env: env({ PORTAL_LISTEN: 'http://0.0.0.0' }), demo: false, port: '3000' })).toThrow('PORTAL_LISTEN');
  });
});
