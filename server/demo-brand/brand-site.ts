import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { brandPage } from './brand-page.js';

/** The brand's own customers (its accounts, not Commonplace's). */
export const BRAND_CUSTOMERS: Record<string, { name: string; email: string }> = {
  'lumen-1042': { name: 'Ana Souza', email: 'ana@lumen.example' },
  'lumen-2077': { name: 'Sam Okoye', email: 'sam@lumen.example' },
};

export interface BrandSiteOptions {
  port: number;
  host: string;
  /** Where Commonplace runs (the widget's script comes from there). */
  commonplaceUrl: string;
  space: string;
  /** The space's SSO secret, read when a token is signed (it may be rotated meanwhile). */
  ssoSecret: () => Promise<string | null>;
}

export interface BrandSite {
  url: string;
  close(): Promise<void>;
}

const COOKIE = 'lumen_customer';

/**
 * A sample brand shop on its own origin (a different port is a different origin), showing
 * what a brand does to embed Commonplace: one script tag, the element, and a tiny token
 * endpoint on the brand's server that signs its signed-in customer into the space (the SSO
 * token of docs/protocol.md). Its sign-in is its own first-party cookie; Commonplace never
 * sees it and sets none.
 */
export async function startBrandSite(options: BrandSiteOptions): Promise<BrandSite> {
  const server = createServer((req, res) => {
    handle(req, res, options).catch(() => send(res, 500, 'text/plain', 'The shop is having a moment.'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections open; the page is gone either way.
        server.closeAllConnections();
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: BrandSiteOptions): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://brand.local');
  const customerId = cookies(req)[COOKIE];
  const customer = customerId ? BRAND_CUSTOMERS[customerId] : undefined;
  if (req.method === 'GET' && url.pathname === '/') {
    // `?view=wave&wave=<id>` (repeatable `view`) shows other widgets; by default the ideas and the cafe.
    const views = url.searchParams.getAll('view').filter((v) => v !== 'none');
    const widgets = url.searchParams.has('view')
      ? views.map((view) => ({ view, wave: url.searchParams.get('wave') ?? undefined, topic: url.searchParams.get('topic') ?? undefined }))
      : [{ view: 'ideas' }, { view: 'cafe' }];
    const page = brandPage({ commonplaceUrl: options.commonplaceUrl, space: options.space, customer: customer?.name ?? null, customers: BRAND_CUSTOMERS, widgets });
    return send(res, 200, 'text/html; charset=utf-8', page);
  }
  if (req.method === 'POST' && url.pathname === '/account/sign-in') {
    const id = url.searchParams.get('customer') ?? '';
    if (!BRAND_CUSTOMERS[id]) return send(res, 400, 'application/json', JSON.stringify({ error: 'no such customer' }));
    res.setHeader('Set-Cookie', `${COOKIE}=${id}; Path=/; HttpOnly; SameSite=Lax`);
    return send(res, 200, 'application/json', JSON.stringify({ name: BRAND_CUSTOMERS[id]!.name }));
  }
  if (req.method === 'POST' && url.pathname === '/account/sign-out') {
    res.setHeader('Set-Cookie', `${COOKIE}=; Path=/; Max-Age=0`);
    return send(res, 204, 'text/plain', '');
  }
  if (req.method === 'GET' && url.pathname === '/account/commonplace-token') {
    // The brand's server signs its own customer in: this is all a brand writes on its side.
    // Not signed in here: no token, and the widget stays anonymous.
    if (!customer || !customerId) return send(res, 200, 'application/json', JSON.stringify({ token: null }));
    const secret = await options.ssoSecret();
    if (!secret) return send(res, 503, 'application/json', JSON.stringify({ error: 'no SSO secret for this space' }));
    const token = await new SignJWT({ sub: customerId, name: customer.name, email: customer.email })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(secret));
    return send(res, 200, 'application/json', JSON.stringify({ token }));
  }
  send(res, 404, 'text/plain', 'Not found');
}

function cookies(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    (req.headers.cookie ?? '')
      .split(';')
      .map((c) => c.trim().split('='))
      .filter((parts) => parts.length === 2) as [string, string][],
  );
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
