/** Text for HTML: the demo page puts only its own strings and customer names in. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The sample brand page: a shop with its own styles (global rules included: the widget must
 * not care), its own sign-in, and Commonplace embedded twice with one script tag.
 */
export interface WidgetSpec {
  view: string;
  wave?: string;
  topic?: string;
}

const SECTION_TITLES: Record<string, string> = { ideas: 'Ideas from riders', wave: 'An idea we are working on', cafe: 'Talk with riders and our team' };

export function brandPage(options: {
  commonplaceUrl: string;
  space: string;
  customer: string | null;
  customers: Record<string, { name: string }>;
  widgets: WidgetSpec[];
}): string {
  const { commonplaceUrl, space, customer, customers, widgets } = options;
  const sections = widgets
    .map((w, i) => {
      const attrs = Object.entries({ space, view: w.view, wave: w.wave, topic: w.topic })
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}="${escapeHtml(v!)}"`)
        .join(' ');
      return `<section aria-labelledby="widget-${i}">
    <h2 id="widget-${i}">${escapeHtml(SECTION_TITLES[w.view] ?? 'Commonplace')}</h2>
    <commonplace-embed ${attrs}></commonplace-embed>
  </section>`;
    })
    .join('\n  ');
  const signIn = customer
    ? `<span>Signed in as <strong>${escapeHtml(customer)}</strong></span> <button type="button" id="sign-out">Sign out</button>`
    : Object.entries(customers)
        .map(([id, c]) => `<button type="button" data-customer="${escapeHtml(id)}">Sign in as ${escapeHtml(c.name)}</button>`)
        .join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lumen Bikes — Cargo 2</title>
<style>
  * { font-family: Georgia, 'Times New Roman', serif; }
  body { margin: 0; background: #fbf7ef; color: #2b2118; }
  header { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; align-items: center; padding: 1rem 2rem; background: #2b2118; color: #fbf7ef; }
  header a, header strong { color: #ffd27a; }
  button { text-transform: uppercase; letter-spacing: 0.08em; background: #ffd27a; border: 0; padding: 0.5rem 0.9rem; cursor: pointer; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 4rem; display: grid; gap: 2rem; }
  h1 { font-size: 2.4rem; margin: 0; }
  p { line-height: 1.7; }
  commonplace-embed { --cp-color-accent: #8a4b08; --cp-color-accent-hover: #6b3a06; --cp-radius: 0.75rem; }
  #widget-events { font-family: ui-monospace, monospace; font-size: 0.8rem; color: #6b5a48; }
</style>
</head>
<body>
<header>
  <strong>Lumen Bikes</strong>
  <nav aria-label="Account" id="account">${signIn}</nav>
</header>
<main>
  <section>
    <h1>Lumen Cargo 2</h1>
    <p>The family cargo bike, designed with the people who ride it. Tell us what to build next: every
    idea below is live, and the people who shape one are credited when it ships.</p>
  </section>
  ${sections}
  <section aria-labelledby="events-title">
    <h2 id="events-title">What the widget told this page</h2>
    <ol id="widget-events" aria-live="polite"></ol>
  </section>
</main>
<script async src="${escapeHtml(commonplaceUrl)}/embed.js"></script>
<script>
  // The brand's side of the integration: hand the widget a fresh signed token when asked.
  const getToken = async () => {
    const response = await fetch('/account/commonplace-token');
    return response.ok ? (await response.json()).token : null; // null: not signed in on this site
  };
  const log = (name, detail) => {
    const item = document.createElement('li');
    item.textContent = name + ' ' + JSON.stringify(detail);
    document.getElementById('widget-events').append(item);
  };
  for (const widget of document.querySelectorAll('commonplace-embed')) {
    widget.getToken = getToken;
    for (const name of ['commonplace-ready', 'commonplace-signed-in', 'commonplace-signed-out', 'commonplace-error', 'commonplace-sign-in-requested']) {
      widget.addEventListener(name, (event) => log(name, event.detail));
    }
  }
  // "Sign in to join" in the widget: the brand runs its own sign-in (here: pick a demo customer).
  document.addEventListener('commonplace-sign-in-requested', (event) => {
    if (${customer ? 'true' : 'false'}) return;
    event.preventDefault();
    document.querySelector('#account button')?.focus();
  });
  for (const button of document.querySelectorAll('[data-customer]')) {
    button.addEventListener('click', async () => {
      await fetch('/account/sign-in?customer=' + encodeURIComponent(button.dataset.customer), { method: 'POST' });
      location.reload();
    });
  }
  document.getElementById('sign-out')?.addEventListener('click', async () => {
    await fetch('/account/sign-out', { method: 'POST' });
    location.reload();
  });
</script>
</body>
</html>
`;
}
